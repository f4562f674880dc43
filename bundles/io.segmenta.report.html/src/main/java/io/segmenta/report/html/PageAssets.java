package io.segmenta.report.html;

/** The page's style sheet and the script that draws every chart from the data. */
final class PageAssets {
    private PageAssets() {
    }

    /** The CLV section's styles: the holdout table with its chart beside it, the caveat box. */
    static final String CLV_CSS = ".beside{display:flex;gap:1.5em;align-items:flex-start}"
            + ".beside .chart{flex:1;min-width:320px}"
            + ".caveat{border-left:4px solid #c23531;background:#fdf1f0;padding:.5em .8em}\n";

    /** The CLV section's chart: the papers' figure, mean holdout purchases by calibration frequency. */
    static final String CLV_SCRIPT = """
              if(DATA.clvHoldout&&byId('clv-holdout')){
                draw(byId('clv-holdout'),{tooltip:{trigger:'axis'},legend:{top:0},grid:{top:50,left:10,right:20,bottom:30},
                  xAxis:{type:'category',name:'repeat purchases in calibration',nameLocation:'middle',nameGap:30,
                    data:DATA.clvHoldout.labels},
                  yAxis:valueAxis({name:'mean in holdout'}),
                  series:[{name:'actual',type:'line',data:DATA.clvHoldout.actual},
                    {name:'predicted (BG/NBD)',type:'line',lineStyle:{type:'dashed'},data:DATA.clvHoldout.predicted}]});
              }
            """;

    /** The style sheet: cards, tables, charts, the segment colours, print layout. */
    static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{margin-bottom:0}header p{color:#555;margin-top:.3em}h2{border-bottom:2px solid #4a6fa5;padding-bottom:.2em;margin-top:2em}
            .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.8em 1.2em;min-width:10em}
            .card b{display:block;font-size:1.4em}.card span{color:#666}
            table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.3em .6em;text-align:right}
            th{text-align:left;background:#f6f6f6;font-weight:600}tr.all td{font-style:italic}tr.chosen th,tr.chosen td{background:#fdeaea}
            .chart{width:100%;height:340px}.chart.tall{height:460px}.note{color:#666}
            .segment h3{margin-bottom:.2em}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border-radius:2px}
            .profile th small{display:block;font-weight:400;color:#666;font-size:.75em}.dates{color:#333}
            .key{padding:0 .3em;border-radius:2px}.key.good{background:hsl(140,70%,70%)}.key.bad{background:hsl(30,70%,70%)}
            .key.neutral{background:hsl(210,60%,75%)}.key.below{background:hsl(210,0%,80%)}
            """ + CLV_CSS + TrendCharts.CSS + """
            #rfm-by-segment{font-size:.8em}#rfm-by-segment th{max-width:9em}
            @media print{.chart{page-break-inside:avoid}section{page-break-before:auto}body{margin:0}}
            """;

    /** Draws every chart from DATA; marks each chart element with data-rendered once it has its data. */
    static final String SCRIPT = """
            (function(){
              var charts=[];
              // one palette for the run: segment i has DATA.palette[i] in every chart and heading
              var palette=DATA.palette;
              // numbers as the tables write them: thousands separators
              var num=function(v){return typeof v==='number'?v.toLocaleString('en-US',{maximumFractionDigits:2}):v;};
              var valueAxis=function(o){o=o||{};o.type='value';o.axisLabel=Object.assign({formatter:num},o.axisLabel||{});
                // an axis name starts at the axis line and runs right, so it is never cut at the page's edge
                o.nameTextStyle=Object.assign({align:'left'},o.nameTextStyle||{});return o;};
              // no animation: the page is read, printed and screenshotted as it is, not watched; SVG: each text is
              // an element the checks can measure, and print stays sharp
              function draw(el,option){option.animation=false;option.color=option.color||palette;
                if(option.grid&&option.grid.containLabel!==false){option.grid.containLabel=true;}
                var c=echarts.init(el,null,{renderer:'svg'});c.setOption(option);
                el.setAttribute('data-rendered','true');charts.push(c);}
              var byId=function(id){return document.getElementById(id);};
              var segmentBars=function(values,opacity){return values.map(function(v,i){
                return {value:v,itemStyle:{color:palette[i],opacity:opacity}};});};
              draw(byId('sizes'),{title:{text:'Share of '+DATA.entity+'s and of value per segment (%)',textStyle:{fontSize:13}},
                tooltip:{valueFormatter:function(v){return v==null?'n/a':num(v)+'%';}},legend:{top:24},
                grid:{top:60,left:10,right:20,bottom:10},
                xAxis:{type:'category',data:DATA.segments,axisLabel:{interval:0,width:110,overflow:'break',lineHeight:14}},
                yAxis:valueAxis({name:'%'}),
                series:[{name:DATA.entity+'s',type:'bar',itemStyle:{color:'#555'},data:segmentBars(DATA.shares,1)},
                  {name:'value',type:'bar',itemStyle:{color:'#aaa'},data:segmentBars(DATA.valueShares,.45)}]});
              draw(byId('snake'),{tooltip:{trigger:'axis'},legend:{top:0,type:'scroll'},grid:{top:50,left:10,right:20,bottom:10},
                xAxis:{type:'category',data:DATA.features,axisLabel:{interval:0,width:110,overflow:'break',lineHeight:14}},
                yAxis:valueAxis({name:'scaled average (0 = all '+DATA.entity+'s)'}),
                series:DATA.snake.map(function(line,i){return {name:DATA.segments[i],type:'line',data:line};})});
              Object.keys(DATA.top).forEach(function(f){var el=byId('top-'+f);if(!el){return;}
                draw(el,{tooltip:{valueFormatter:num},grid:{left:10,right:40,top:10,bottom:10},
                  xAxis:valueAxis({axisLabel:{hideOverlap:true}}),
                  yAxis:{type:'category',inverse:true,data:DATA.top[f].levels,axisLabel:{width:220,overflow:'truncate'}},
                  series:[{type:'bar',itemStyle:{color:palette[0]},data:DATA.top[f].amounts}]});});
              document.querySelectorAll('.chart.cat').forEach(function(el){var f=DATA.categorical[el.getAttribute('data-feature')];
                draw(el,{tooltip:{trigger:'axis',valueFormatter:function(v){return num(v)+'%';}},legend:{top:0,type:'scroll'},
                  grid:{top:55,left:10,right:20,bottom:10},
                  xAxis:{type:'category',data:DATA.segments,axisLabel:{interval:0,width:110,overflow:'break',lineHeight:14}},
                  yAxis:valueAxis({max:100,name:'%'}),
                  // levels in the palette's colours, the last band ("other") in grey: every stack reaches 100%
                  series:f.levels.map(function(level,j){var other=j===f.levels.length-1;
                    return {name:level,type:'bar',stack:'s',itemStyle:{color:other?DATA.other:palette[j]},
                      data:f.shares.map(function(row){return row[j];})};})});});
              draw(byId('map'),{tooltip:{},legend:{top:0,type:'scroll'},grid:{top:50,left:10,right:20,bottom:30},
                xAxis:valueAxis({name:'first direction ('+DATA.map.explained1.toFixed(1)+'%)',nameLocation:'middle',nameGap:25,
                  nameTextStyle:{align:'center'},scale:true}),
                yAxis:valueAxis({name:'second direction ('+DATA.map.explained2.toFixed(1)+'%)',scale:true}),
                series:DATA.map.points.map(function(pts,i){return {name:DATA.segments[i],type:'scatter',symbolSize:4,
                  data:pts,large:true};})});
              if(DATA.silhouette&&byId('silhouette')){
                // one category per plotted rank, the bands one after another with a gap, each in its segment's colour
                var slots=[],bars=[],low=0;
                DATA.silhouette.bands.forEach(function(band,i){
                  var middle=slots.length+Math.floor(band.length/2);
                  band.forEach(function(v){bars.push({value:v,itemStyle:{color:palette[i%palette.length]}});
                    slots.push(slots.length===middle?DATA.segments[i]:'');low=Math.min(low,v);});
                  for(var g=0;g<Math.max(2,Math.round(band.length/20));g++){bars.push('-');slots.push('');}
                });
                draw(byId('silhouette'),{tooltip:{},grid:{top:30,left:240,right:30,bottom:50,containLabel:false},
                  xAxis:{type:'value',name:'silhouette',nameLocation:'middle',nameGap:28,min:Math.floor(low*10)/10,max:1},
                  yAxis:{type:'category',inverse:true,data:slots,axisTick:{show:false},
                    axisLabel:{interval:0,width:225,overflow:'truncate'}},
                  series:[{type:'bar',data:bars,barCategoryGap:0,large:false,markLine:{symbol:'none',silent:true,
                    label:{formatter:'mean {c}',position:'start'},lineStyle:{type:'dashed',color:'#c23531'},
                    data:[{xAxis:DATA.silhouette.mean}]}}]});
              }
              if(DATA.rfm&&byId('rfm-grid')){
                var scores=['1','2','3','4','5'];
                draw(byId('rfm-grid'),{tooltip:{formatter:function(p){return DATA.rfm.names[p.dataIndex]+'<br>R '+
                    (p.value[1]+1)+', F '+(p.value[0]+1)+': '+p.value[2]+' '+DATA.entity+'s';}},
                  grid:{top:20,left:40,right:30,bottom:70},
                  xAxis:{type:'category',data:scores,name:'F (frequency score)',nameLocation:'middle',nameGap:28,splitArea:{show:true}},
                  yAxis:{type:'category',data:scores,name:'R (recency score)',nameLocation:'middle',nameGap:40,splitArea:{show:true}},
                  visualMap:{min:0,max:Math.max(1,DATA.rfm.max),calculable:false,orient:'horizontal',left:'center',bottom:0,
                    text:[DATA.rfm.max+' '+DATA.entity+'s','0'],
                    inRange:{color:['#f7fbff','#6baed6','#08519c']}},
                  series:[{type:'heatmap',data:DATA.rfm.cells,label:{show:true,fontSize:11,lineHeight:16,
                    formatter:function(p){return DATA.rfm.names[p.dataIndex]+'\\n'+p.value[2];}}}]});
              }
            """ + CLV_SCRIPT + TrendCharts.SCRIPT + """
              if(DATA.k){
                var idx=function(k){return DATA.k.ks.indexOf(k);};
                var marks=[];
                if(DATA.k.elbow){marks.push({name:'elbow',coord:[DATA.k.elbow,DATA.k.cost[idx(DATA.k.elbow)]],value:'elbow'});}
                marks.push({name:'chosen',coord:[DATA.k.chosen,DATA.k.cost[idx(DATA.k.chosen)]],value:'chosen',
                  itemStyle:{color:'#ee6666'}});
                draw(byId('k-cost'),{tooltip:{trigger:'axis',valueFormatter:num},legend:{top:0},grid:{top:50,left:10,right:30,bottom:30},
                  xAxis:{type:'category',name:'number of segments (k)',nameLocation:'middle',nameGap:28,data:DATA.k.ks},
                  yAxis:[valueAxis({name:'cost',scale:true}),valueAxis({name:'silhouette',scale:true,nameTextStyle:{align:'right'}})],
                  series:[{name:'cost',type:'line',data:DATA.k.cost,markPoint:{symbol:'circle',symbolSize:12,label:{position:'top',color:'#333',formatter:'{b}'},data:marks}},
                    {name:'silhouette',type:'line',yAxisIndex:1,data:DATA.k.silhouette}]});
                draw(byId('k-indices'),{tooltip:{trigger:'axis',valueFormatter:num},legend:{top:0},grid:{top:50,left:10,right:30,bottom:30},
                  xAxis:{type:'category',name:'number of segments (k)',nameLocation:'middle',nameGap:28,data:DATA.k.ks},
                  yAxis:[valueAxis({name:'Davies-Bouldin',scale:true}),
                    valueAxis({name:'Calinski-Harabasz',scale:true,nameTextStyle:{align:'right'}})],
                  series:[{name:'Davies-Bouldin (lower is better)',type:'line',data:DATA.k.daviesBouldin},
                    {name:'Calinski-Harabasz (higher is better)',type:'line',yAxisIndex:1,data:DATA.k.calinskiHarabasz}]});
              }
              window.addEventListener('resize',function(){charts.forEach(function(c){c.resize();});});
              window.__segmentaCharts=charts.length;
            })();
            """;
}
