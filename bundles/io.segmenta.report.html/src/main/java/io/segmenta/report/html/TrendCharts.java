package io.segmenta.report.html;

import static io.segmenta.report.html.ChartData.round;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.api.pipeline.SegmentMovement;
import io.segmenta.api.pipeline.SegmentTrend;
import io.segmenta.api.pipeline.SegmentTrends;

/**
 * The charts of the trends and movement sections: their data in the page's DATA ({@code trends}: months and one
 * line per segment for revenue, orders and active entities; {@code movement}: the Sankey chart's nodes and
 * links), their drawing script and styles. Series are in segment order, so each segment has the colour it has in
 * the page's other charts.
 */
final class TrendCharts {
    /** Styles: the top lists' cells, the cells of entities that stayed. */
    static final String CSS = "td.levels{text-align:left;vertical-align:top}td.stayed{background:#e8f1fb}\n";

    /** Draws the three monthly charts and the flow between the runs' segments. */
    static final String SCRIPT = """
              if(DATA.trends){
                [['trend-revenue','revenue','revenue'],['trend-orders','orders','orders'],
                 ['trend-active','active','active '+DATA.entity+'s']].forEach(function(c){var el=byId(c[0]);if(!el){return;}
                  draw(el,{tooltip:{trigger:'axis'},legend:{top:0,type:'scroll'},grid:{top:40,left:80,right:30,bottom:40},
                    xAxis:{type:'category',data:DATA.trends.months},yAxis:{type:'value',name:c[2]},
                    series:DATA.trends[c[1]].map(function(line,i){return {name:DATA.segments[i],type:'line',data:line};})});});
              }
              if(DATA.movement&&byId('movement-flow')){
                // a segment's colour as in the other charts; an earlier segment takes the colour of the one it is
                // matched to now, grey without one; labels of the right-hand nodes go to their left, inside the chart
                var nodes=DATA.movement.nodes.map(function(n){return {name:n.name,
                  itemStyle:{color:n.segment>=0?palette[n.segment]:'#aaaaaa'},
                  label:{position:n.now?'left':'right'}};});
                draw(byId('movement-flow'),{tooltip:{trigger:'item'},series:[{type:'sankey',left:10,right:10,top:20,bottom:20,
                  nodeGap:12,data:nodes,links:DATA.movement.links,emphasis:{focus:'adjacency'},
                  lineStyle:{color:'source',opacity:0.35},label:{fontSize:12}}]});
              }
            """;

    private TrendCharts() {
    }

    /** Adds {@code trends} and {@code movement} to the page's data where the run has them. */
    static void add(JsonObject d, PipelineResult r) {
        if (!r.trends().isEmpty()) {
            d.add("trends", trends(r.trends()));
        }
        r.movement().ifPresent(m -> d.add("movement", flow(m)));
    }

    /** The months, and per measure one line per segment. */
    static JsonObject trends(SegmentTrends t) {
        JsonObject trends = new JsonObject();
        JsonArray months = new JsonArray();
        t.monthNames().forEach(months::add);
        trends.add("months", months);
        JsonArray revenue = new JsonArray();
        JsonArray orders = new JsonArray();
        JsonArray active = new JsonArray();
        for (SegmentTrend s : t.segments()) {
            JsonArray line = new JsonArray();
            for (double v : s.revenue()) {
                line.add(round(v));
            }
            revenue.add(line);
            orders.add(longs(s.orders()));
            active.add(longs(s.activeEntities()));
        }
        trends.add("revenue", revenue);
        trends.add("orders", orders);
        trends.add("active", active);
        return trends;
    }

    private static JsonArray longs(long[] values) {
        JsonArray a = new JsonArray();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    /**
     * Earlier segments on the left (and "new" customers), this run's on the right (and "no longer there"); a link
     * per non-empty cell. Node names must be unique, so each says which run it is of.
     */
    static JsonObject flow(SegmentMovement m) {
        JsonArray nodes = new JsonArray();
        String[] from = new String[m.fromSegments().size()];
        String[] to = new String[m.toSegments().size()];
        int[] matched = m.matchedTo();
        for (int f = 0; f < from.length; f++) {
            from[f] = "earlier " + f + ". " + m.fromSegments().get(f);
            nodes.add(node(from[f], matched[f], false));
        }
        String fresh = "new";
        String lost = "no longer there";
        nodes.add(node(fresh, -1, false));
        for (int t = 0; t < to.length; t++) {
            to[t] = "now " + t + ". " + m.toSegments().get(t);
            nodes.add(node(to[t], t, true));
        }
        nodes.add(node(lost, -1, true));
        JsonArray links = new JsonArray();
        long[][] entities = m.entities();
        for (int f = 0; f < from.length; f++) {
            for (int t = 0; t < to.length; t++) {
                link(links, from[f], to[t], entities[f][t]);
            }
            link(links, from[f], lost, m.lostEntities()[f]);
        }
        for (int t = 0; t < to.length; t++) {
            link(links, fresh, to[t], m.newEntities()[t]);
        }
        // a node without any link (no new customers, none lost, an empty segment) would be drawn as a stray sliver
        java.util.Set<String> linked = new java.util.HashSet<>();
        for (var l : links) {
            linked.add(l.getAsJsonObject().get("source").getAsString());
            linked.add(l.getAsJsonObject().get("target").getAsString());
        }
        JsonArray shown = new JsonArray();
        for (var n : nodes) {
            if (linked.contains(n.getAsJsonObject().get("name").getAsString())) {
                shown.add(n);
            }
        }
        JsonObject flow = new JsonObject();
        flow.add("nodes", shown);
        flow.add("links", links);
        return flow;
    }

    /**
     * @param segment the segment of this run whose colour the node takes, or -1 (grey)
     * @param now true for a node of this run (the right-hand side)
     */
    private static JsonObject node(String name, int segment, boolean now) {
        JsonObject n = new JsonObject();
        n.addProperty("name", name);
        n.addProperty("segment", segment);
        n.addProperty("now", now);
        return n;
    }

    private static void link(JsonArray links, String source, String target, long value) {
        if (value > 0) {
            JsonObject l = new JsonObject();
            l.addProperty("source", source);
            l.addProperty("target", target);
            l.addProperty("value", value);
            links.add(l);
        }
    }
}
