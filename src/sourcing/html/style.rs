//! The page's inline CSS and JavaScript. Everything the report needs is in the file: it opens
//! from disk, in an editor's webview or in a mail attachment, and a Content-Security-Policy
//! in the page forbids loading anything else, so it cannot reach the network even by mistake.
//!
//! The script is optional: without it the page reads and prints the same, with the browser's
//! own tooltips (`title`). With it, tooltips are instant and styled, a click on a speaker
//! picks out their quotes, and the article table sorts by any column.

use crate::sourcing::colours::{self, PALETTE};

/// The speaker colour classes `.s0` … `.s9`: `--hue` (ink) and `--tint` for each.
pub fn speaker_classes() -> String {
    let mut css = String::new();
    for (i, (ink, tint)) in PALETTE.iter().enumerate() {
        css.push_str(&format!(".s{i}{{--hue:{ink};--tint:{tint}}}"));
    }
    css.push('\n');
    css
}

pub fn css() -> String {
    let vars = format!(
        ":root{{--text:{};--orphan:{};--orphan-tint:{};}}\n",
        colours::TEXT,
        colours::ORPHAN_INK,
        colours::ORPHAN_TINT
    );
    vars + &speaker_classes() + CSS
}

const CSS: &str = r#"
:root{--muted:#5d6166;--rule:#e4e2dc;--page:#f6f5f1;--card:#fff;--soft:#fafaf8}
*{box-sizing:border-box}
html{color-scheme:light;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:var(--page);color:var(--text);
  font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:#1f5f9e}
.top{background:#fff;border-bottom:1px solid var(--rule)}
.top .inner,main,.foot{max-width:1280px;margin:0 auto;padding-left:28px;padding-right:28px}
.top .inner{padding-top:18px;padding-bottom:14px;display:flex;align-items:baseline;gap:14px;flex-wrap:wrap}
.brand{font-weight:700;letter-spacing:.02em;color:#fff;background:#1b1b1b;border-radius:4px;padding:1px 7px;font-size:13px}
.top h1{font-size:21px;margin:0;font-weight:650}
.top .sub{color:var(--muted);font-size:14px}
main{padding-top:22px;padding-bottom:40px}
main>h2.section:first-child{margin-top:2px}
h2.section{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:30px 0 10px;font-weight:650}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--rule);border-radius:8px;padding:12px 14px}
.card .n{font-size:26px;font-weight:650;line-height:1.2;font-variant-numeric:tabular-nums}
.card .l{color:var(--muted);font-size:13px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:14px}
figure.chart.wide{grid-column:1/-1}
figure.chart{margin:0;background:var(--card);border:1px solid var(--rule);border-radius:8px;padding:14px 16px 12px;break-inside:avoid}
figure.chart figcaption{font-weight:650;margin-bottom:2px}
figure.chart .note{color:var(--muted);font-size:12.5px;margin:0 0 8px}
figure.chart svg{display:block;width:100%;height:auto;overflow:visible}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--text)}
svg .muted{fill:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin-top:8px}
.legend span{display:inline-flex;align-items:center;gap:6px}
.legend i{display:inline-block;width:11px;height:11px;border-radius:2px}
.tablewrap{background:var(--card);border:1px solid var(--rule);border-radius:8px;overflow:auto;max-height:680px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--rule);vertical-align:top}
thead th{position:sticky;top:0;background:#fff;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);font-weight:650;white-space:nowrap;z-index:1}
th[data-sort]{cursor:pointer}
th[data-sort]:hover{color:var(--text)}
.num{text-align:right;font-variant-numeric:tabular-nums}
td .id{color:var(--muted);font-size:12px;word-break:break-all}
tbody tr:hover{background:#fbfaf6}
.mix{display:flex;width:120px;height:10px;border-radius:3px;overflow:hidden;background:#eceae4;margin-top:5px}
.mix i{display:block;height:100%}
.flag{display:inline-block;font-size:11.5px;font-weight:600;color:#8a4b00;background:#fff1dc;border:1px solid #f2d3a6;border-radius:10px;padding:0 7px;white-space:nowrap}
.flag.err{color:#8e1b1b;background:#fde8e8;border-color:#f3c2c2}
article.story{background:var(--card);border:1px solid var(--rule);border-radius:10px;margin-top:22px;content-visibility:auto;contain-intrinsic-size:auto 900px}
article.story>header{padding:16px 26px 12px;border-bottom:1px solid var(--rule)}
article.story>header h2{font-size:20px;margin:0 0 2px;font-family:Georgia,"Times New Roman",serif;font-weight:700}
article.story>header h2.path{font:600 15px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#3c4043;word-break:break-all}
article.story>header .id{color:var(--muted);font-size:13px;word-break:break-all}
.counts{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.counts span{font-size:13px;background:#f1f0ec;border-radius:12px;padding:1px 9px}
.counts span.warn{background:var(--orphan-tint);color:#8e1b1b}
.policy{margin:10px 0 0;padding:8px 12px;border-left:3px solid #e08a00;background:#fff7e8;font-size:13.5px;border-radius:0 6px 6px 0}
.policy p{margin:2px 0}
.body{display:grid;grid-template-columns:minmax(0,1fr) 370px}
.text{padding:14px 34px 26px;font-family:Georgia,"Times New Roman",serif;font-size:17px;line-height:1.8;max-width:46em}
.text p{margin:0 0 .95em}
.text h3{font-size:19px;line-height:1.35;margin:.5em 0 .7em;font-weight:700}
.text h3+h3{font-size:17px;font-weight:600;color:#3c4043}
.panel{border-left:1px solid var(--rule);background:var(--soft);padding:14px 18px 20px;border-radius:0 0 10px 0}
.panel .sticky{position:sticky;top:12px}
.panel h3{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:4px 0 8px;font-weight:650}
.spk{display:grid;grid-template-columns:16px minmax(0,1fr) auto;gap:2px 10px;padding:9px 8px;border-radius:7px;cursor:pointer;border:1px solid transparent}
.spk:hover{background:#fff;border-color:var(--rule)}
.spk.on{background:#fff;border-color:var(--hue)}
.sw{width:14px;height:14px;border-radius:4px;background:var(--tint);border:2.5px solid var(--hue);margin-top:3px}
.spk .who{font-weight:650;line-height:1.3;overflow-wrap:anywhere}
.spk .what{grid-column:2/4;color:var(--muted);font-size:12.5px;line-height:1.45}
.spk .stat{text-align:right;font-size:13px;font-variant-numeric:tabular-nums;white-space:nowrap;line-height:1.3}
.spk .stat b{font-size:15px}
.verbs{grid-column:2/4;font-size:12.5px}
.verbs span{display:inline-block;margin:2px 4px 0 0;padding:0 6px;border-radius:9px;background:#efeee9}
.verbs span.loaded{background:#fff1dc;color:#8a4b00}
.keys{margin-top:14px;padding-top:10px;border-top:1px solid var(--rule);font-size:12.5px;color:var(--muted)}
.keys div{margin:4px 0}
.q{background:var(--tint);box-shadow:inset 0 -2px 0 var(--hue);border-radius:3px;padding:1px 1px;
  -webkit-box-decoration-break:clone;box-decoration-break:clone;transition:opacity .15s,background .15s}
.q.more{box-shadow:inset 0 -2px 0 var(--hue);outline:1px dashed var(--hue);outline-offset:-1px}
.q.orphan{background:repeating-linear-gradient(135deg,var(--orphan-tint) 0 5px,#f6cccc 5px 10px);box-shadow:inset 0 -2px 0 var(--orphan);outline:1.5px dashed var(--orphan);outline-offset:0}
.badge{font:700 10px/1 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;letter-spacing:.04em;text-transform:uppercase;color:#fff;background:var(--orphan);border-radius:3px;padding:2px 4px;margin-right:4px;vertical-align:2px;white-space:nowrap}
.cue{text-decoration:underline 2.5px var(--hue);text-underline-offset:4px;text-decoration-skip-ink:none}
.sample-q{background:var(--tint);box-shadow:inset 0 -2px 0 var(--hue);padding:0 3px;border-radius:3px}
.sample-o{background:var(--orphan-tint);outline:1.5px dashed var(--orphan);padding:0 3px;border-radius:3px}
.sample-c{text-decoration:underline 2px var(--hue);text-underline-offset:3px}
.story.picking .q:not(.on){background:none;box-shadow:none;outline:none;opacity:.55}
.story.picking .q:not(.on) .badge{opacity:.6}
.nospk{color:var(--muted);font-size:13.5px;padding:6px 8px}
.notext{padding:14px 26px 22px}
.sheet td{font-size:13.5px}
#tip{position:fixed;z-index:10;max-width:340px;background:#1b1b1b;color:#fff;font-size:13px;line-height:1.4;padding:7px 10px;border-radius:6px;pointer-events:none;box-shadow:0 4px 14px rgba(0,0,0,.25);display:none}
#tip b{font-weight:650}
#tip .m{color:#c9c9c9}
.foot{color:var(--muted);font-size:13px;padding-bottom:34px}
.foot h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;margin:26px 0 6px}
.foot p{margin:6px 0;max-width:58em}
@media (max-width:900px){.body{grid-template-columns:1fr}.panel{border-left:0;border-top:1px solid var(--rule)}}
@media print{
  body{background:#fff;font-size:12px}
  .top .inner,main,.foot{max-width:none;padding-left:0;padding-right:0}
  .tablewrap{max-height:none;overflow:visible;border:0}
  thead th{position:static}
  .charts{grid-template-columns:1fr 1fr}
  article.story{break-before:page;border:0;content-visibility:visible}
  .body{grid-template-columns:minmax(0,1fr) 250px}
  .text{padding:10px 18px 10px 0;font-size:13px}
  .panel{background:#fff}
  .panel .sticky{position:static}
  .spk{break-inside:avoid;padding:5px 2px}
  #tip{display:none!important}
  a{color:inherit;text-decoration:none}
}
"#;

/// Tooltips, picking a speaker's quotes, sorting the article table.
pub const JS: &str = r#"
(function(){
  var tip=document.getElementById('tip');
  document.querySelectorAll('[title]').forEach(function(el){
    if(!el.closest('.q,.spk,.cue,.mix,.flag,.verbs'))return;
    el.setAttribute('data-tip',el.getAttribute('title'));el.removeAttribute('title');
  });
  function show(el,x,y){
    var t=el.getAttribute('data-tip');if(!t)return;
    var parts=t.split('\n');tip.textContent='';
    parts.forEach(function(p,i){var d=document.createElement(i?'div':'b');d.textContent=p;if(i)d.className='m';tip.appendChild(d);});
    tip.style.display='block';
    var w=tip.offsetWidth,h=tip.offsetHeight;
    tip.style.left=Math.max(6,Math.min(x+14,innerWidth-w-8))+'px';
    tip.style.top=(y+18+h>innerHeight?y-h-12:y+18)+'px';
  }
  document.addEventListener('mousemove',function(e){
    var el=e.target.closest&&e.target.closest('[data-tip]');
    if(el)show(el,e.clientX,e.clientY);else tip.style.display='none';
  });
  document.querySelectorAll('.spk').forEach(function(row){
    row.addEventListener('click',function(){
      var story=row.closest('.story'),s=row.getAttribute('data-s'),on=!row.classList.contains('on');
      story.querySelectorAll('.spk.on,.q.on').forEach(function(x){x.classList.remove('on');});
      story.classList.toggle('picking',on);
      if(on){row.classList.add('on');story.querySelectorAll('.q[data-s="'+s+'"]').forEach(function(q){q.classList.add('on');});}
    });
  });
  document.querySelectorAll('th[data-sort]').forEach(function(th){
    th.addEventListener('click',function(){
      var table=th.closest('table'),body=table.tBodies[0],col=th.cellIndex,num=th.getAttribute('data-sort')==='n';
      var dir=th.getAttribute('data-dir')==='desc'?1:-1;th.setAttribute('data-dir',dir<0?'desc':'asc');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[col].getAttribute('data-v')||a.cells[col].textContent,y=b.cells[col].getAttribute('data-v')||b.cells[col].textContent;
        return num?dir*(parseFloat(x)-parseFloat(y)):dir*x.localeCompare(y);
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
})();
"#;
