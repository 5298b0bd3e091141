/* The SPARQL editor: YASGUI against this service's /sparql, one tab per example query
   (the named queries of graph/queries, embedded in the page by api/routes/home.py).
   Nothing is fetched from elsewhere: remote prefix and term autocompletion is off, and
   nothing is kept in the browser's storage, so a reload shows the examples again. */
"use strict";

(function () {
  const examples = JSON.parse(document.getElementById("examples").textContent);
  const endpoint = new URL("/sparql", window.location.href).href;
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null,
    populateFromUrl: false,
    autoAddOnInit: false,
    yasqe: { autocompleters: ["variables"], persistenceId: null },
  });
  let first = null;
  for (const example of examples) {
    const tab = yasgui.addTab(first === null, {
      name: example.name,
      yasqe: { value: example.query },
      requestConfig: { endpoint: endpoint, method: "POST" },
    });
    if (first === null) first = tab;
  }
  if (first === null) yasgui.addTab(true, { requestConfig: { endpoint: endpoint } });
  document.body.dataset.state = "ready";
  window.conflictKgEditor = yasgui;
})();
