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
                draw(byId('clv-holdout'),{tooltip:{trigger:'axis'},legend:{top:0},grid:{top:40,left:60,right:20,bottom:50},
                  xAxis:{type:'category',name:'repeat purchases in calibration',nameLocation:'middle',nameGap:30,
                    data:DATA.clvHoldout.labels},
                  yAxis:{type:'value',name:'mean in holdout'},
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
            .s0{background:#5470c6}.s1{background:#91cc75}.s2{background:#fac858}.s3{background:#ee6666}.s4{background:#73c0de}
            .s5{background:#3ba272}.s6{background:#fc8452}.s7{background:#9a60b4}.s8{background:#ea7ccc}.s9{background:#999}
            """ + CLV_CSS + TrendCharts.CSS + """
            #rfm-by-segment{font-size:.8em}#rfm-by-segment th{max-width:9em}
            @media print{.chart{page-break-inside:avoid}section{page-break-before:auto}body{margin:0}}
            """;

    /** Draws every chart from DATA; marks each chart element with data-rendered once it has its data. */
    static final String SCRIPT = """
            (function(){
              var charts=[];
              // no animation: the page is read, printed and screenshotted as it is, not watched
              function draw(el,option){option.animation=false;var c=echarts.init(el,null,{renderer:'canvas'});c.setOption(option);
                el.setAttribute('data-rendered','true');charts.push(c);}
              var byId=function(id){return document.getElementById(id);};
              draw(byId('sizes'),{title:{text:'Share of '+DATA.entity+'s and of value per segment (%)',textStyle:{fontSize:13}},
                tooltip:{},legend:{top:24},grid:{top:60,left:60,right:20,bottom:80},
                xAxis:{type:'category',data:DATA.segments,axisLabel:{interval:0,rotate:20}},yAxis:{type:'value'},
                series:[{name:DATA.entity+'s',type:'bar',data:DATA.shares},{name:'value',type:'bar',data:DATA.valueShares}]});
              draw(byId('snake'),{tooltip:{trigger:'axis'},legend:{top:0},grid:{top:50,left:50,right:20,bottom:40},
                xAxis:{type:'category',data:DATA.features},yAxis:{type:'value',name:'scaled mean'},
                series:DATA.snake.map(function(line,i){return {name:DATA.segments[i],type:'line',data:line};})});
              Object.keys(DATA.top).forEach(function(f){var el=byId('top-'+f);if(!el){return;}
                draw(el,{tooltip:{},grid:{left:140,right:20,top:10,bottom:30},xAxis:{type:'value'},
                  yAxis:{type:'category',inverse:true,data:DATA.top[f].levels},series:[{type:'bar',data:DATA.top[f].amounts}]});});
              document.querySelectorAll('.chart.cat').forEach(function(el){var f=DATA.categorical[el.getAttribute('data-feature')];
                draw(el,{tooltip:{trigger:'axis'},legend:{top:0,type:'scroll'},grid:{top:40,left:60,right:20,bottom:80},
                  xAxis:{type:'category',data:DATA.segments,axisLabel:{interval:0,rotate:20}},yAxis:{type:'value',max:100,name:'%'},
                  series:f.levels.map(function(level,j){return {name:level,type:'bar',stack:'s',
                    data:f.shares.map(function(row){return row[j];})};})});});
              draw(byId('map'),{tooltip:{},legend:{top:0},grid:{top:40,left:50,right:20,bottom:40},
                xAxis:{type:'value',name:'PC1 ('+DATA.map.explained1+'%)',scale:true},
                yAxis:{type:'value',name:'PC2 ('+DATA.map.explained2+'%)',scale:true},
                series:DATA.map.points.map(function(pts,i){return {name:DATA.segments[i],type:'scatter',symbolSize:4,
                  data:pts,large:true};})});
              if(DATA.silhouette&&byId('silhouette')){
                // one category per plotted rank, the bands one after another with a gap, each in its segment's colour
                var palette=['#5470c6','#91cc75','#fac858','#ee6666','#73c0de','#3ba272','#fc8452','#9a60b4','#ea7ccc'];
                var slots=[],bars=[],low=0;
                DATA.silhouette.bands.forEach(function(band,i){
                  var middle=slots.length+Math.floor(band.length/2);
                  band.forEach(function(v){bars.push({value:v,itemStyle:{color:palette[i%palette.length]}});
                    slots.push(slots.length===middle?DATA.segments[i]:'');low=Math.min(low,v);});
                  for(var g=0;g<Math.max(2,Math.round(band.length/20));g++){bars.push('-');slots.push('');}
                });
                draw(byId('silhouette'),{tooltip:{},grid:{top:30,left:240,right:30,bottom:50},
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
                  grid:{top:20,left:90,right:30,bottom:90},
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
                draw(byId('k-cost'),{tooltip:{trigger:'axis'},legend:{top:0},grid:{top:40,left:70,right:60,bottom:40},
                  xAxis:{type:'category',name:'k',data:DATA.k.ks},
                  yAxis:[{type:'value',name:'cost',scale:true},{type:'value',name:'silhouette',scale:true}],
                  series:[{name:'cost',type:'line',data:DATA.k.cost,markPoint:{data:marks}},
                    {name:'silhouette',type:'line',yAxisIndex:1,data:DATA.k.silhouette}]});
                draw(byId('k-indices'),{tooltip:{trigger:'axis'},legend:{top:0},grid:{top:40,left:70,right:60,bottom:40},
                  xAxis:{type:'category',name:'k',data:DATA.k.ks},
                  yAxis:[{type:'value',name:'Davies-Bouldin',scale:true},{type:'value',name:'Calinski-Harabasz',scale:true}],
                  series:[{name:'Davies-Bouldin (lower is better)',type:'line',data:DATA.k.daviesBouldin},
                    {name:'Calinski-Harabasz (higher is better)',type:'line',yAxisIndex:1,data:DATA.k.calinskiHarabasz}]});
              }
              window.addEventListener('resize',function(){charts.forEach(function(c){c.resize();});});
              window.__segmentaCharts=charts.length;
            })();
            """;
}
