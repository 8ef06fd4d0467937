/*
 * Russian word forms in the site search (our own code, served by the site itself).
 *
 * Material appends "*" to every term a reader types, and lunr runs no stemmer on such wildcard
 * terms, so «форумом» never met «форум» in the index. This worker loads Material's own search
 * worker (named in our URL, see overrides/main.html) and then cuts every wildcard term to its
 * Russian stem with the Snowball stemmer that Material already loads for `lang: ru`:
 * «форумом*» becomes «форум*» and finds «форум», «форума», «форуме».
 *
 * Material starts its worker on every page load; ours loads Material's worker, lunr and builds
 * the index only when the reader first types a query, so a page's first load carries none of it.
 * Message types are Material's: 0 setup, 1 ready, 2 query, 3 result.
 */
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var material = new URL(self.location.href).searchParams.get("material");
  var post = self.postMessage.bind(self);
  var setup = null;      // the setup message, kept until the first query
  var state = "idle";    // idle → loading (Material builds its index) → ready
  var waiting = [];      // queries that came while the index was being built

  function stemQueries(lunr) {
    var parse = lunr.QueryParser.prototype.parse;

    function stem(word) {
      if (!lunr.ru || !lunr.ru.stemmer) return word;
      return lunr.ru.stemmer(new lunr.Token(word, {})).toString();
    }

    lunr.QueryParser.prototype.parse = function () {
      var query = parse.call(this);
      query.clauses.forEach(function (clause) {
        var term = clause.term;
        // only plain trailing-wildcard terms: «+слово», «сло*во», «*слово» stay as typed
        if (!/^[^*]+\*$/.test(term)) return;
        var word = term.slice(0, -1);
        var root = stem(word);
        // a stem of one letter would match half the index
        if (root !== word && root.length >= 2) clause.term = root + "*";
      });
      return query;
    };
  }

  function toMaterial(message) {
    self.dispatchEvent(new MessageEvent("message", { data: message }));
  }

  // Material's worker answers through postMessage: its "ready" is ours to keep (the page had
  // it at once), after which the queries that waited go in.
  self.postMessage = function (message) {
    if (state === "loading" && message && message.type === READY) {
      state = "ready";
      waiting.splice(0).forEach(toMaterial);
      return;
    }
    post(message);
  };

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (state === "ready" || !message || !event.isTrusted) return;  // Material's own listener
    if (message.type === SETUP) {
      setup = message;
      post({ type: READY });
    } else if (message.type === QUERY && state === "idle" && !String(message.data).trim()) {
      post({ type: RESULT, data: { items: [] } });  // the empty query the page sends at start
    } else if (message.type === QUERY) {
      event.stopImmediatePropagation();  // while loading, Material's listener has no index yet
      waiting.push(message);
      if (state === "idle" && setup) {
        state = "loading";
        importScripts(material);
        stemQueries(self.lunr);
        toMaterial(setup);
      }
    }
  });
})();
