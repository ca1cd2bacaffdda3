// Live preview: ask twice a second whether the leaflet changed (a save here, in an editor,
// or in _data/), and if so show the new pages and diagnostics.
(function () {
  const root = document.getElementById('preview');
  if (!root) return;
  const name = root.dataset.name;
  const url = '/leaflet/' + encodeURIComponent(name) + '/state';
  function show(state) {
    // A file that became readable again gets its form back.
    if (state.editable && root.dataset.editable === 'false') {
      location.reload();
      return;
    }
    root.innerHTML = state.images;
    root.dataset.version = state.version;
    document.querySelectorAll('.diag').forEach(function (slot) { slot.innerHTML = ''; });
    state.diagnostics.forEach(function (d) {
      const slot = document.querySelector('.diag[data-field="' + CSS.escape(d.slot) + '"]')
        || document.querySelector('.diag[data-field=""]');
      const p = document.createElement('p');
      p.className = d.class;
      p.textContent = d.text;
      slot.appendChild(p);
    });
  }
  function poll() {
    fetch(url, { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) {
        if (state && state.version !== root.dataset.version) show(state);
      })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 500); });
  }
  setTimeout(poll, 500);
})();
