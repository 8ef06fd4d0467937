/*
 * Russian word forms in the site search (our own code, served by the site itself).
 *
 * Material appends "*" to every term a reader types, and lunr runs no stemmer on such wildcard
 * terms, so «форумом» never met «форум» in the index. This worker loads Material's own search
 * worker (named in our URL, see overrides/main.html) and then cuts every wildcard term to its
 * Russian stem with the Snowball stemmer that Material already loads for `lang: ru`:
 * «форумом*» becomes «форум*» and finds «форум», «форума», «форуме».
 */
importScripts(new URL(self.location.href).searchParams.get("material"));

(function (lunr) {
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
})(self.lunr);
