/** A self-contained API reference rendered from /openapi.json (no external scripts: works offline). */
export const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>billcycle API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1000px;padding:1rem 2rem;color:#1a1a1a}
h1{margin-bottom:0}.op{border:1px solid #ddd;border-radius:6px;margin:.5rem 0}
summary{cursor:pointer;padding:.4rem .6rem}code.m{display:inline-block;width:4.5rem;font-weight:700}
.get{color:#05668d}.post{color:#2a9d8f}.patch{color:#b5651d}.delete{color:#c1121f}
pre{background:#f6f6f6;padding:.6rem;overflow:auto;margin:0 .6rem .6rem}
</style></head><body><h1>billcycle API</h1><p id="d"></p><main id="ops">Loading…</main>
<script>
fetch('/openapi.json').then(r=>r.json()).then(doc=>{
  document.getElementById('d').textContent=doc.info.description;
  const ops=document.getElementById('ops');ops.textContent='';
  for(const [path,item] of Object.entries(doc.paths)) for(const [m,op] of Object.entries(item)){
    const d=document.createElement('details');d.className='op';
    const s=document.createElement('summary');
    s.innerHTML='<code class="m '+m+'">'+m.toUpperCase()+'</code> <code></code> — <span></span>';
    s.children[1].textContent=path;s.children[2].textContent=op.summary||'';
    const pre=document.createElement('pre');pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);
    d.append(s,pre);ops.append(d);
  }
});
</script></body></html>`;
