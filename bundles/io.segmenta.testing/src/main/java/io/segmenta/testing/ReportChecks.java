package io.segmenta.testing;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What can be checked of report.html as a reader sees it, in the browser, by reading the rendered page (not a
 * screenshot): no script error; every chart drawn with data; no colour twice among a chart's series (nor among
 * the per-segment bars of one series); no text of a chart outside the chart's box (an axis label cut at the edge
 * such as "8,000,00"), and no number cut short with an ellipsis; no "undefined", "NaN" or developer reference
 * (a library, a documentation path) in the page's text or the charts' texts. The charts are drawn as SVG, so each
 * text is an element whose box the browser measures.
 */
public final class ReportChecks {
    /** The check, as one script: returns the problems found, each one line naming the chart and the text. */
    static final String SCRIPT = """
            var problems=[];
            (window.__segmentaErrors||[]).forEach(function(e){problems.push('script error: '+e);});
            var bad=/\\bundefined\\b|\\bNaN\\b|pandas|docs\\//;
            document.querySelectorAll('.chart').forEach(function(el){
              var id=el.id||('chart of '+el.getAttribute('data-feature'));
              var c=window.echarts&&echarts.getInstanceByDom(el);
              if(!c){problems.push(id+': not drawn');return;}
              var series=c.getOption().series||[];
              if(!series.some(function(s){return s.data&&s.data.length>0;})){problems.push(id+': no data');}
              var models=c.getModel().getSeries();
              var colours=models.map(function(m){return String(m.getData().getVisual('style').fill);});
              colours.forEach(function(col,i){if(colours.indexOf(col)!==i){
                problems.push(id+': series "'+models[i].name+'" has the colour of "'+models[colours.indexOf(col)].name+'" ('+col+')');}});
              // the bars of one series, one per segment (the sizes chart): each in its segment's colour
              var segments=typeof DATA!=='undefined'?DATA.segments.length:-1;
              models.forEach(function(m){var d=m.getData();var n=d.count();
                if(m.subType!=='bar'||n!==segments){return;}
                var item=[];for(var i=0;i<n;i++){item.push(String(d.getItemVisual(i,'style').fill));}
                var own=item.some(function(x){return x!==String(d.getVisual('style').fill);});
                if(own){item.forEach(function(col,i){if(item.indexOf(col)!==i){
                  problems.push(id+': bars '+item.indexOf(col)+' and '+i+' of "'+m.name+'" share '+col);}});}});
              var box=el.getBoundingClientRect();
              el.querySelectorAll('svg text').forEach(function(t){
                var b=t.getBoundingClientRect();var s=t.textContent;
                if(b.width===0||!s.trim()){return;}
                if(b.left<box.left-1||b.right>box.right+1||b.top<box.top-1||b.bottom>box.bottom+1){
                  problems.push(id+': text "'+s+'" is cut by the chart\\'s edge');}
                if(/^[-0-9.,%\\s]+\\u2026$/.test(s)){problems.push(id+': number "'+s+'" is cut short');}
                if(bad.test(s)){problems.push(id+': text "'+s+'"');}
              });
            });
            var text=document.body.innerText;
            var m=text.match(bad);if(m){var at=text.indexOf(m[0]);
              problems.push('page text: "'+text.substring(Math.max(0,at-40),at+40).replace(/\\s+/g,' ')+'"');}
            document.querySelectorAll('td,th').forEach(function(c){if(c.scrollWidth>c.clientWidth+1){
              problems.push('table cell "'+c.textContent+'" overflows');}});
            return problems;
            """;

    private ReportChecks() {
    }

    /** The problems of the page open in the browser; empty when there are none. */
    public static List<String> problems(HeadlessChrome chrome) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        for (JsonElement p : chrome.eval(SCRIPT).getAsJsonArray()) {
            problems.add(p.getAsString());
        }
        return problems;
    }

    /**
     * Screenshots of every section of the page open in the browser, each section in as many window-high shots as
     * it needs: {@code NAME-SECTION-N.png} in {@code dir}, for a person to look at. Returns the files.
     */
    public static List<Path> screenshots(HeadlessChrome chrome, Path dir, String name)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        int height = chrome.eval("return window.innerHeight;").getAsInt();
        for (JsonElement section : chrome.eval("return Array.from(document.querySelectorAll('header,section'))"
                + ".map(function(s,i){return s.id||('header');});").getAsJsonArray()) {
            String id = section.getAsString();
            String find = id.equals("header") ? "document.querySelector('header')" : "document.getElementById('"
                    + id + "')";
            int top = chrome.eval("var r=" + find + ".getBoundingClientRect();return Math.round(r.top+window.scrollY);")
                    .getAsInt();
            int tall = chrome.eval("return Math.round(" + find + ".getBoundingClientRect().height);").getAsInt();
            for (int shot = 0, y = top; y < top + tall; shot++, y += height) {
                chrome.eval("window.scrollTo(0," + y + ");return 0;");
                Path png = dir.resolve(name + "-" + id + "-" + shot + ".png");
                chrome.screenshot(png);
                files.add(png);
            }
        }
        return files;
    }
}
