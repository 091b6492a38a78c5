/* Claims report: sortable tables (vendored tablesort) and claim-table filters by kind and speaker.
   Builds its controls with createElement/textContent only; never inserts markup from the page. */
(function () {
  "use strict";

  function columnIndex(table, names) {
    var headers = table.querySelectorAll("thead th");
    for (var i = 0; i < headers.length; i++) {
      if (names.indexOf(headers[i].textContent.trim()) !== -1) return i;
    }
    return -1;
  }

  function tableAfter(box) {
    var tables = document.querySelectorAll("article table");
    for (var i = 0; i < tables.length; i++) {
      if (box.compareDocumentPosition(tables[i]) & Node.DOCUMENT_POSITION_FOLLOWING) return tables[i];
    }
    return null;
  }

  function makeSelect(label, values, onChange) {
    var wrap = document.createElement("label");
    wrap.className = "claims-filter";
    wrap.appendChild(document.createTextNode(label + " "));
    var select = document.createElement("select");
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "all";
    select.appendChild(all);
    values.forEach(function (v) {
      var option = document.createElement("option");
      option.value = v;
      option.textContent = v;
      select.appendChild(option);
    });
    select.addEventListener("change", onChange);
    wrap.appendChild(select);
    return { wrap: wrap, select: select };
  }

  function setupFilters(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var table = tableAfter(box);
    if (!table) return;
    var kindCol = columnIndex(table, ["Kind"]);
    var speakerCol = columnIndex(table, ["Who says it"]);
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var kinds = {}, speakers = {};
    rows.forEach(function (row) {
      var cells = row.children;
      if (kindCol >= 0) cells[kindCol].textContent.split(",").forEach(function (k) { if (k.trim()) kinds[k.trim()] = 1; });
      if (speakerCol >= 0) speakers[cells[speakerCol].textContent.trim()] = 1;
    });
    var count = document.createElement("span");
    count.className = "claims-filter-count";
    function apply() {
      var kind = kindSelect.select.value, speaker = speakerSelect.select.value, shown = 0;
      rows.forEach(function (row) {
        var cells = row.children;
        var kindOk = !kind || cells[kindCol].textContent.split(",").map(function (k) { return k.trim(); }).indexOf(kind) !== -1;
        var speakerOk = !speaker || cells[speakerCol].textContent.trim() === speaker;
        row.hidden = !(kindOk && speakerOk);
        if (!row.hidden) shown++;
      });
      count.textContent = shown + " of " + rows.length + " claims";
    }
    var kindSelect = makeSelect("Kind", Object.keys(kinds).sort(), apply);
    var speakerSelect = makeSelect("Who says it", Object.keys(speakers).sort(), apply);
    box.appendChild(kindSelect.wrap);
    box.appendChild(speakerSelect.wrap);
    box.appendChild(count);
    apply();
  }

  function setup() {
    document.querySelectorAll("article table:not([class])").forEach(function (table) {
      if (table.dataset.sortable || !table.querySelector("thead")) return;
      table.dataset.sortable = "1";
      new Tablesort(table);
    });
    document.querySelectorAll(".claims-filters").forEach(setupFilters);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);  // Material's instant navigation swaps pages without a reload
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
