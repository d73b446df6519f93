// Polls the run status once a second while a sync is in flight, then reloads the page to show the result.
(function () {
    "use strict";

    var element = document.getElementById("sync-progress");

    if (!element || element.dataset.running !== "true") {
        return;
    }

    var url = element.dataset.statusUrl;

    function show(text) {
        element.textContent = text;
    }

    function poll() {
        fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (status) {
                if (!status.running) {
                    show("Sync finished. Loading the result…");
                    window.location.reload();
                    return;
                }
                show("Sync in progress: " + (status.progress || "starting") + " (" + status.recordsRead + " records read)…");
                window.setTimeout(poll, 1000);
            })
            .catch(function () {
                show("Could not read the sync progress; reload the page to try again.");
            });
    }

    window.setTimeout(poll, 1000);
})();
