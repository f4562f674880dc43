#!/bin/sh
# Fuzzes one target of this module for as long as you like, with Jazzer's own driver (docs/reliability.md).
#   reliability/fuzz.sh UkRetailFuzzTest 3600        # one hour
# Run from the project root after `mvn -pl reliability -am test-compile dependency:build-classpath
# -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test`. The corpus the fuzzer grows is kept in
# reliability/target/fuzz/TARGET/corpus (give it again to go on where a run stopped); a finding is written to
# reliability/target/fuzz/TARGET/ as crash-SHA1: copy it into the target's Inputs folder under src/test/resources
# as a regression seed once it is fixed.
set -eu
target=$1
seconds=${2:-600}
here=$(cd "$(dirname "$0")" && pwd)
classpath=$(cat "$here/target/test.classpath"):$here/target/test-classes
case $target in
  MappingFileFuzzTest) class=io.segmenta.source.mapped.$target ;;
  *) class=io.segmenta.reliability.fuzz.$target ;;
esac
seeds=$here/src/test/resources/$(echo "$class" | tr . /)Inputs
work=$here/target/fuzz/$target
mkdir -p "$work/corpus"
# the seeds are in the one folder of the target's @FuzzTest method
exec java -Xmx1g -cp "$classpath" com.code_intelligence.jazzer.Jazzer --target_class="$class" \
  --instrumentation_includes='io.segmenta.**:org.apache.commons.csv.**:com.google.gson.**' \
  -max_total_time="$seconds" -timeout=10 -artifact_prefix="$work/" -print_final_stats=1 \
  "$work/corpus" "$seeds"/*/
