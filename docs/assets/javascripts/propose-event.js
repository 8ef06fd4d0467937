// «Предложить мероприятие» (docs/propose.md): a company describes its event in the form, sees it
// as the events page will show it, and hands it to the ministry by mail. The rules and the words
// come from the build (assets/event-rules.json, made by qualityweek/outputs/event_rules.py
// and qualityweek/core/event_messages.py), so the form refuses what the build refuses and says
// it the same way (tests/test_propose.py checks both). Nothing leaves the page unless the person taps a
// button. Our own code, no libraries.
(function () {
  "use strict";

  var rules, words;

  function chars(text) { return Array.from(text); }
  function hex(ch, width) {
    var code = ch.codePointAt(0).toString(16);
    while (code.length < width) code = "0" + code;
    return code;
  }

  // -- words (qualityweek/core/event_messages.py) -------------------------------------------

  function label(field) { return words.fields[field].label; }

  function message(rule, field, params) {
    var all = Object.assign({ label: label(field), missing: words.fields[field].missing },
                            params || {});
    return words.templates[rule].replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(all, name) ? String(all[name]) : whole;
    });
  }

  function characterName(ch) {
    for (var i = 0; i < words.characters.length; i += 1) {
      if (new RegExp("^" + words.characters[i][0] + "$", "u").test(ch)) return words.characters[i][1];
    }
    return words.other_character;
  }

  // typography.format_day: «3 декабря 2026 г.»
  function parseDay(iso) {
    var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
    return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
  }
  function dayMonth(day) { return day.d + words.nbsp + words.months[day.m - 1]; }
  function yearWords(day) { return day.y + words.nbsp + "г."; }
  function dayWords(iso) { var day = parseDay(iso); return dayMonth(day) + " " + yearWords(day); }
  function weekday(iso) {
    var day = parseDay(iso);
    return words.weekdays[new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay()];
  }
  // typography.format_range
  function rangeWords(first, last) {
    if (first === last) return dayWords(first);
    var a = parseDay(first), b = parseDay(last);
    if (a.y !== b.y) return dayWords(first) + words.word_dash + dayWords(last);
    var text = a.m === b.m ? a.d + words.number_dash + dayMonth(b)
      : dayMonth(a) + words.word_dash + dayMonth(b);
    return text + " " + yearWords(b);
  }

  // -- the build's rules (untrusted.py, description.py, events.py) ---------------------------

  // untrusted.check_text: [rule, params] or null
  function textProblem(value, limit, multiline) {
    var found = new RegExp(multiline ? rules.control_multiline : rules.control, "u").exec(value);
    if (found) {
      var bad = found[0];
      if (bad === "\r" || bad === "\n") return ["line_break", {}];
      return ["character", { character: characterName(bad) }];
    }
    var length = chars(value).length;
    if (length > limit) return ["too_long", { limit: limit, length: length }];
    return null;
  }

  // untrusted._url_problem for an https address, read as Python's urllib.parse.urlsplit reads it
  function urlRule(value) {
    if (chars(value).length > rules.url_length) return "long";
    var control = new RegExp(rules.control, "u");
    if (control.test(value) || /\s/u.test(value) ||
        chars(value).some(function (ch) { return rules.url_unsafe.indexOf(ch) >= 0; })) {
      return "characters";
    }
    var scheme = "", typed = "", rest = value, colon = value.indexOf(":");
    if (colon > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(value.slice(0, colon))) {
      typed = value.slice(0, colon);
      scheme = typed.toLowerCase();
      rest = value.slice(colon + 1);
    }
    var netloc = "";
    if (rest.slice(0, 2) === "//") netloc = rest.slice(2).split(/[/?#]/)[0];
    if (/[[\]]/.test(netloc)) return "unreadable";
    // urlsplit refuses a non-ASCII netloc whose NFKC form holds «/?#@:» (e.g. «／»)
    var bare = netloc.replace(/[@:#?]/g, "");
    if (/[^\x00-\x7f]/.test(netloc) && bare.normalize("NFKC") !== bare &&
        /[/?#@:]/.test(bare.normalize("NFKC"))) {
      return "unreadable";
    }
    var hostinfo = netloc.slice(netloc.lastIndexOf("@") + 1);
    var at = hostinfo.indexOf(":");
    var host = at >= 0 ? hostinfo.slice(0, at) : hostinfo;
    var port = at >= 0 ? hostinfo.slice(at + 1) : "";
    if (port && (!/^[0-9]+$/.test(port) || Number(port) > 65535)) return "unreadable";
    if (scheme !== "https" || typed !== scheme) {
      if (!scheme) return "relative";
      return scheme === "http" ? "http" : "scheme";
    }
    if (value.toLowerCase().indexOf("https://") !== 0) return "no_host";
    if (netloc.indexOf("@") >= 0) return "user";
    var hostLabel = new RegExp("^(?:" + rules.host_label + ")$", "iu");
    var labels = host.toLowerCase().split(".");
    if (labels.length < 2 || !labels.every(function (l) { return hostLabel.test(l); })) {
      return "host";
    }
    if (lookalikeHost(host)) return "lookalike";
    if (port && Number(port) === 0) return "port";
    return "";
  }

  // hosts.lookalike_host: a site name that may pass for another (scripts, look-alike letters)
  var hostTables = null;
  function hosts() {
    if (!hostTables) {
      var t = rules.hosts;
      hostTables = {
        scripts: Object.keys(t.scripts).map(function (name) {
          return [name, new RegExp("^[" + t.scripts[name] + "]$", "u")];
        }),
        lookalike: new RegExp("^[" + t.lookalikes + "]$", "u"),
        mark: new RegExp("^[" + t.marks + "]", "u")
      };
    }
    return hostTables;
  }
  function isAscii(text) { return /^[\x00-\x7f]*$/.test(text); }
  function labelScripts(label) {  // sorted script names, or null for a character no host holds
    var found = [];
    var ok = chars(label).every(function (ch) {
      if ("-0123456789".indexOf(ch) >= 0) return true;
      var script = hosts().scripts.find(function (entry) { return entry[1].test(ch); });
      if (!script) return false;
      if (found.indexOf(script[0]) < 0) found.push(script[0]);
      return true;
    });
    return ok ? found.sort() : null;
  }
  function lookalikeHost(host) {
    if (isAscii(host)) return false;
    var labels = host.toLowerCase().split(".");
    var top = (labelScripts(labels[labels.length - 1]) || []).join(" ");
    return labels.some(function (label) {
      if (isAscii(label)) return false;
      var scripts = labelScripts(label);
      if (!scripts || label.normalize("NFC") !== label || hosts().mark.test(label) ||
          label.slice(2, 4) === "--") return true;
      if (scripts.length > 1 && !rules.hosts.mixes.some(function (mix) {
        return scripts.every(function (s) { return mix.indexOf(s) >= 0; });
      })) return true;
      var letters = chars(label).filter(function (ch) { return "-0123456789".indexOf(ch) < 0; });
      return letters.length > 0 && letters.every(function (ch) { return hosts().lookalike.test(ch); }) &&
        top !== scripts.join(" ");
    });
  }

  // Python's str.expandtabs(4)
  function expandTabs(text) {
    var out = "";
    chars(text).forEach(function (ch) {
      if (ch === "\t") { do { out += " "; } while (out.length % 4); } else out += ch;
    });
    return out;
  }

  // description.check_description
  function descriptionProblem(text) {
    var problem = textProblem(text, rules.description_length, true);
    if (problem) return problem;
    // description.check_references: a reference counts as the character it stands for
    var references = new RegExp(rules.description_reference, "gu"), found;
    var decoder = document.createElement("textarea");
    var refused = new RegExp(rules.control_multiline, "u");
    while ((found = references.exec(text))) {
      decoder.innerHTML = found[0];
      var bad = refused.exec(decoder.value);
      if (bad) return ["reference", { reference: "«" + found[0] + "»", character: characterName(bad[0]) }];
    }
    // description.link_hosts: every address's site name, bare or in a link
    var links = new RegExp(rules.link_host, "gu"), end = new RegExp(rules.host_end, "u");
    while ((found = links.exec(text))) {
      if (lookalikeHost(found[1].replace(end, ""))) return ["url_lookalike", {}];
    }
    var brackets = text.split("[").length - 1;
    if (brackets > rules.description_brackets) {
      return ["brackets", { limit: rules.description_brackets, count: brackets }];
    }
    var markers = new RegExp("^(?:" + rules.description_markers + ")", "u");
    var lines = text.split(/\r\n|\r|\n/);
    if (lines.length && lines[lines.length - 1] === "") lines.pop();
    for (var i = 0; i < lines.length; i += 1) {
      var match = markers.exec(lines[i]);
      if (!match) continue;
      var prefix = expandTabs(match[0]);
      var depth = (prefix.match(/[-*+>]|[0-9]+[.)]/g) || []).length +
        Math.floor((prefix.length - prefix.replace(/^\s+/u, "").length) / 4);
      if (depth > rules.description_nesting) {
        return ["nesting", { line: i + 1, limit: rules.description_nesting }];
      }
    }
    return null;
  }

  function values(form) {
    var v = {};
    rules.fields.forEach(function (name) {
      var field = form.elements[name];
      v[name] = field ? field.value.trim() : "";
      var time = form.elements[name + "-time"];
      if (time && v[name] && time.value) v[name] += " " + time.value;
    });
    var space = "[" + rules.space + "]+";  // Python's whitespace: JavaScript's trim() differs
    v.description = form.elements.description.value.replace(/\r\n?/g, "\n")
      .replace(new RegExp("^" + space + "|" + space + "$", "gu"), "");
    return v;
  }

  // Every problem at once: {field: [rule, message]}. Checks that span fields run when the
  // fields they read are fine (the build checks them after the single fields).
  function check(v) {
    var problems = {};
    function add(name, rule, params) {
      if (!problems[name]) problems[name] = [rule, message(rule, name, params)];
    }
    rules.fields.forEach(function (name) {
      var value = v[name];
      if (!value) {
        if (rules.required.indexOf(name) >= 0) add(name, "missing");
        return;
      }
      if (name === "url") {
        var bad = urlRule(value);
        if (bad) add(name, "url_" + bad, { limit: rules.url_length });
      } else if (rules.limits[name]) {
        var problem = textProblem(value, rules.limits[name], false);
        var named = rules.named.indexOf(name) >= 0;
        var invisible = named && !problem && new RegExp(rules.ignorable, "u").exec(value);
        if (problem) add(name, problem[0], problem[1]);
        else if (invisible) add(name, "character", { character: characterName(invisible[0]) });
        else if (named && !/[\p{L}\p{N}]/u.test(value)) add(name, "no_letters");
      }
    });
    var y = rules.year;
    ["start", "end"].forEach(function (name) {
      var day = v[name].slice(0, 10);
      if (!v[name] || problems[name] || !parseDay(day)) return;
      if (day.slice(0, 7) !== y + "-11") {
        add(name, "not_november", { day: dayWords(day), year: y + words.nbsp + "г.", first: dayWords(rules.first_day),
                                    last: dayWords(rules.last_day) });
      }
    });
    if (parseDay(v.start.slice(0, 10)) && parseDay(v.end.slice(0, 10))) {
      var begins = v.start.length > 10 ? v.start : v.start + " 00:00";
      var ends = v.end.length > 10 ? v.end : v.end + " 24:00";
      if (ends < begins) add("end", "end_before_start");
    }
    if (rules.in_person.indexOf(v.format) >= 0 && !v.address) {
      add("address", "address_needed", { format: v.format });
    }
    var description = descriptionProblem(v.description);
    if (description) add("description", description[0], description[1]);
    return problems;
  }

  // -- cleaning what people paste -----------------------------------------------------------

  // soft hyphens, zero-width spaces, BOMs, word joiners, direction marks: Unicode's
  // default-ignorable characters (rules.ignorable), invisible, and only there because a word
  // processor put them there
  function invisible() { return new RegExp(rules.ignorable, "gu"); }

  function quotes(text) {  // “…”, „…“ and "…" that pair up become «…» (typography.russian_quotes)
    return text.replace(new RegExp(rules.quotes, "gu"), "«$1»");
  }

  function cleanLine(text) {
    return quotes(text.replace(invisible(), "")).replace(/[\t\n\r\v\f\u2028\u2029]+/g, " ")
      .replace(/ {2,}/g, " ");
  }

  // Word and Google Docs bullets («•», «◦», «▪», dashes followed by spaces or a tab) become
  // Markdown list items on their own lines, with the blank line Markdown wants before a list
  function cleanDescription(text) {
    var lines = quotes(text.replace(invisible(), "")).replace(/\r\n?|\v|\u2028/g, "\n")
      .replace(/\f|\u2029/g, "\n\n").split("\n");
    var out = [];
    lines.forEach(function (line) {
      var item = /^[ \t]*(?:[•◦▪▫●○■□‣⁃·–—]|o(?=\t))[ \t]+(.*)$/.exec(line);
      var numbered = /^[ \t]*([0-9]{1,3})[.)]\t+(.*)$/.exec(line);
      var text = item ? "- " + item[1] : numbered ? numbered[1] + ". " + numbered[2] : line;
      text = text.replace(/\t+/g, " ").replace(/[ ]+$/, "");
      var isItem = /^(?:[-*+]|[0-9]+[.)]) /.test(text);
      var previous = out.length ? out[out.length - 1] : "";
      var afterItem = /^\s*(?:[-*+]|[0-9]+[.)]) /.test(previous);
      // a list starts and ends with a blank line, or Markdown joins it to the text around it
      if (previous && text && isItem !== afterItem && !/^\s/.test(text)) out.push("");
      out.push(text);
    });
    return out.join("\n");
  }

  // -- the file, the proposal, the card --------------------------------------------------------

  // a value as YAML that our loader reads back exactly: plain when nothing in it means
  // something to YAML, else double-quoted (JSON's escapes are YAML's, plus \uXXXX for the
  // characters YAML would not keep as they are)
  function yamlValue(value) {
    var plain = /^[^\s\-?:,[\]{}#&*!|>'"%@`~]/u.test(value) && !/: |\s#|:$/.test(value) &&
      !/^(?:null|Null|NULL)$/.test(value) && !new RegExp(rules.control, "u").test(value);
    if (plain) return value;
    return JSON.stringify(value).replace(new RegExp(rules.control, "gu"),
      function (ch) { return "\\u" + hex(ch, 4); });
  }

  function eventFile(v) {
    var lines = ["---"];
    rules.fields.forEach(function (name) {
      if (v[name]) lines.push(name + ": " + yamlValue(v[name]));
    });
    lines.push("---");
    return lines.join("\n") + "\n" + (v.description ? "\n" + v.description + "\n" : "");
  }

  // the proposal's first part: a letter in the form's words, its labels and dates in words
  // («Начало: 12 ноября 2026 г., 10:00 МСК»), no file keys
  function momentWords(value) {
    var day = value.slice(0, 10), time = value.slice(11);
    if (!parseDay(day)) return value;
    return dayWords(day) + (time ? ", " + time + words.nbsp + rules.zone_label : "");
  }

  function letter(v) {
    var lines = [rules.heading, ""];
    rules.fields.forEach(function (name) {
      if (!v[name]) return;
      lines.push(label(name) + ": " + (name === "start" || name === "end" ? momentWords(v[name])
                                                                          : v[name]));
    });
    if (v.description) {
      // a Markdown rule («---») would read as the editor's block: the letter shows a plain one
      lines.push("", label("description") + ":",
                 v.description.replace(/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm, "* * *"));
    }
    return lines.join("\n");
  }

  // the .txt file's name in words: «Мероприятие Недели качества — День открытых дверей.txt»,
  // without the characters file systems refuse, cut at a word
  function txtName(v) {
    var title = v.title.replace(/[\\/:*?"<>|]+/g, " ").replace(new RegExp(rules.control, "gu"), "")
      .replace(/\s+/g, " ").trim();
    if (chars(title).length > 80) title = chars(title).slice(0, 80).join("").replace(/\s\S*$/, "") + "…";
    return rules.file_title + (title ? " — " + title : "") + ".txt";
  }

  function when(v) {
    var first = v.start.slice(0, 10), last = (v.end || v.start).slice(0, 10);
    if (!parseDay(first) || !parseDay(last) || last < first) return "";
    return rangeWords(first, last);
  }

  function subject(v) {
    var date = when(v);
    return (rules.subject + ": " + (v.title || "без названия") + (date ? ", " + date : ""))
      .replace(/[\u00a0\u2060]/g, function (ch) { return ch === "\u2060" ? "" : " "; });
  }

  // event_rules.slug_for
  function slugFor(title) {
    var latin = chars(title.replace(invisible(), "").toLowerCase()).map(function (ch) {
      return Object.prototype.hasOwnProperty.call(rules.translit, ch) ? rules.translit[ch] : ch;
    }).join("");
    var slug = latin.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (slug.length > rules.slug_length) {
      var cut = slug.slice(0, rules.slug_length + 1);
      slug = cut.indexOf("-") >= 0 ? cut.slice(0, cut.lastIndexOf("-")) : slug.slice(0, rules.slug_length);
    }
    if (reserved(slug)) slug += "-" + rules.slug_fallback;
    return slug || rules.slug_fallback;
  }

  // events.WINDOWS_RESERVED: con, nul, com1… (a file Windows cannot open)
  function reserved(slug) { return new RegExp("^(?:" + rules.reserved + ")$", "i").test(slug); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // events_html._date: the day with its weekday, or the days of a longer event
  function dateWords(v) {
    var sd = v.start.slice(0, 10), ed = v.end.slice(0, 10);
    return sd === ed ? weekday(sd) + ", " + dayWords(sd) : rangeWords(sd, ed);
  }

  // events_html._time ("" for days alone: the date says it all)
  function timeWords(v) {
    var sd = v.start.slice(0, 10), ed = v.end.slice(0, 10);
    var st = v.start.slice(11), et = v.end.slice(11);
    var zone = words.nbsp + rules.zone_label;
    if (sd === ed) {
      if (st && et && st !== et) return st + words.number_dash + et + zone;
      if (st) return "с" + words.nbsp + st + zone;
      if (et) return "до" + words.nbsp + et + zone;
      return "весь день";
    }
    if (st || et) {  // the zone follows the last time shown
      return dayMonth(parseDay(sd)) + (st ? ", " + st + (et ? "" : zone) : "") + words.word_dash +
        dayMonth(parseDay(ed)) + (et ? ", " + et + zone : "");
    }
    return "";
  }

  // events_html._where: the address alone when it names the municipality; online, the link
  function whereNode(v, link) {
    var place = v.municipality;
    if (v.format !== rules.formats[1] && v.address) {
      var named = rules.names_municipality[v.municipality];
      place = named && new RegExp(named, "iu").test(v.address) ? v.address
        : [v.municipality, v.address].filter(Boolean).join(", ");
    }
    var node = document.createElement("span");
    if (v.format === rules.formats[1] || v.format === rules.formats[2]) {
      node.textContent = (v.format === rules.formats[2] ? place + "; " : "") + rules.formats[1] +
        (link ? ", " : "");
      if (link) node.appendChild(link);
      return node;
    }
    node.textContent = place;
    return node;
  }

  // the description as the card shows it, for the preview: paragraphs, lists and bare https
  // links; the build renders the rest of Markdown (bold, links in brackets) on the page
  function descriptionNode(text) {
    var box = element("div", "qw-event__description");
    var list = null;
    function inline(parent, line) {
      line.split(/(https:\/\/[^\s<>«»"]+[^\s<>«»".,;:!?)])/).forEach(function (part, index) {
        if (index % 2 && !urlRule(part)) {
          var link = element("a", "", part);
          link.href = part;
          link.rel = "nofollow";
          parent.appendChild(link);
        } else parent.appendChild(document.createTextNode(part));
      });
    }
    var paragraph = null;
    text.split("\n").forEach(function (line) {
      var item = /^\s*(?:[-*+]|[0-9]+[.)])\s+(.*)$/.exec(line);
      if (!line.trim()) { list = null; paragraph = null; return; }
      if (item) {
        var tag = /^\s*[0-9]/.test(line) ? "OL" : "UL";
        if (!list || list.tagName !== tag) { list = element(tag.toLowerCase()); box.appendChild(list); }
        var li = element("li");
        inline(li, item[1]);
        list.appendChild(li);
        paragraph = null;
        return;
      }
      list = null;
      if (!paragraph) { paragraph = element("p"); box.appendChild(paragraph); }
      else paragraph.appendChild(document.createTextNode(" "));
      inline(paragraph, line.trim());
    });
    return box;
  }

  function card(v) {
    var root = document.createDocumentFragment();
    var day = v.start.slice(0, 10);
    var dated = Boolean(parseDay(day));
    if (dated) {
      root.appendChild(element("h3", "qw-preview__day", weekday(day) + ", " + dayWords(day)));
    }
    var article = element("article", "qw-event");
    // under its day, as on the events page; without a day yet, one level below the section's
    article.appendChild(element(dated ? "h4" : "h3", "qw-event__title",
                                v.title || "Название мероприятия"));
    var facts = element("dl", "qw-event__facts");
    function row(name, value) {
      if (!value) return;
      facts.appendChild(element("dt", "", name));
      var dd = element("dd");
      if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
      facts.appendChild(dd);
    }
    var spans = parseDay(v.start.slice(0, 10)) && parseDay(v.end.slice(0, 10)) &&
      v.end.slice(0, 10) >= v.start.slice(0, 10);
    row("Дата", spans ? dateWords(v) : "");
    row("Время", spans ? timeWords(v) : "");
    row("Организатор", v.organizer);
    var link = null;
    if (v.url && !urlRule(v.url)) {
      link = element("a", "", v.url.replace(/^https:\/\//, "").replace(/\/$/, ""));
      link.href = v.url;
    }
    row("Где", v.municipality || v.address ? whereNode(v, link) : "");
    row("Вид", v.kind);
    row("Формат", v.format);
    if (v.format === rules.formats[0] && link) row("Подробнее", link);
    row("Контакт", v.contact);
    article.appendChild(facts);
    if (v.description) article.appendChild(descriptionNode(v.description));
    root.appendChild(article);
    return root;
  }

  // -- handing over --------------------------------------------------------------------------

  // copy-text.js, loaded before this script: the Clipboard API, or a selected hidden textarea
  function copy(text) { return window.qwCopy(text); }

  function setUp(root, loaded) {
    rules = loaded;
    words = rules.words;
    var form = root.querySelector("[data-qw-form]");
    var fileName = form.elements["file-name"];
    var output = form.elements["event-file"];
    var path = form.querySelector("[data-qw-path]");
    var status = form.querySelector("[data-qw-status]");
    var summary = form.querySelector("[data-qw-summary]");
    var summaryList = form.querySelector("[data-qw-summary-list]");
    var preview = form.querySelector("[data-qw-preview]");
    var send = form.querySelector("[data-qw-send]");
    var copyButton = form.querySelector("[data-qw-copy-proposal]");
    var save = form.querySelector("[data-qw-save]");
    var github = form.querySelector("[data-qw-github]");
    var names = rules.fields.concat(["description", "file-name"]);
    var touched = {}, tried = false, nameEdited = false, blobUrl = null, state = {};

    function fileProblem(slug) {
      if (!new RegExp("^(?:" + rules.slug + ")$").test(slug)) {
        return "Имя файла: латиница в нижнем регистре, цифры и дефисы, например den-otkrytyh-dverey";
      }
      if (reserved(slug)) {
        return "Имя файла: такое имя Windows оставляет для устройств — выберите другое";
      }
      if (rules.taken.indexOf(slug) >= 0) {
        return "Имя файла: такой файл уже есть на сайте — измените имя";
      }
      return "";
    }

    function control(name) {
      return form.elements[name] || form.querySelector("#qw-" + name);
    }

    function show(name, text) {
      var box = form.querySelector('[data-qw-error-for="' + name + '"]');
      var visible = Boolean(text && (tried || touched[name]));
      box.textContent = visible ? text : "";
      box.hidden = !visible;
      box.closest(".qw-form__field").classList.toggle("qw-form__field--error", visible);
      var field = control(name);
      if (visible) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }

    function showSummary(messages) {
      summaryList.textContent = "";
      names.forEach(function (name) {
        if (!messages[name]) return;
        var item = element("li");
        var link = element("a", "", messages[name]);
        link.href = "#qw-" + name;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          var field = control(name);
          if (name === "file-name") field.closest("details").open = true;
          field.focus();
          (field.closest(".qw-form__field") || field).scrollIntoView({ block: "start" });
        });
        item.appendChild(link);
        summaryList.appendChild(item);
      });
      summary.hidden = !summaryList.children.length;
    }

    // A field far over its limit (100 KB pasted by mistake) is refused before the heavy work
    // (checks, preview, the file, the mail link), so the page stays responsive; what was typed
    // stays in the field. Measured lengths are the untrimmed ones: only a value whose length
    // cannot come within the limit after trimming is refused here (the full check says the same
    // message for the rest).
    function limitOf(name) {
      if (name === "url") return rules.url_length;
      if (name === "description") return rules.description_length;
      return rules.limits[name] || 0;
    }
    function oversized() {
      var found = {};
      rules.fields.concat(["description"]).forEach(function (name) {
        var field = form.elements[name], limit = limitOf(name);
        if (!field || !limit || field.value.length <= 2 * limit + 1000) return;
        var length = chars(field.value.trim()).length;
        if (length > 2 * limit + 1000) found[name] = { limit: limit, length: length };
      });
      return found;
    }

    function refuseEarly(big) {
      var messages = {};
      Object.keys(big).forEach(function (name) {
        touched[name] = true;
        messages[name] = message("too_long", name, big[name]);
      });
      names.forEach(function (name) {
        show(name, messages[name] || "");
        var box = form.querySelector('[data-qw-error-for="' + name + '"]');
        box.setAttribute("data-qw-rule", messages[name] ? "too_long" : "");
      });
      if (tried) showSummary(messages);
      output.value = "";
      preview.textContent = "";
      preview.appendChild(element("p", "", "Предпросмотр появится, когда текст в отмеченных " +
                                                "полях станет короче."));
      state = { ok: false, messages: messages };
      if (send) send.href = "mailto:" + rules.to_email + "?subject=" +
        encodeURIComponent(rules.subject);
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      blobUrl = null;
      save.href = "#";
      github.hidden = true;
    }

    function update() {
      var big = oversized();
      if (Object.keys(big).length) { refuseEarly(big); return; }
      var v = values(form);
      if (!nameEdited) fileName.value = slugFor(v.title);
      var slug = fileName.value.trim();
      var problems = check(v);
      var messages = {};
      Object.keys(problems).forEach(function (name) { messages[name] = problems[name][1]; });
      if (fileProblem(slug)) messages["file-name"] = fileProblem(slug);
      names.forEach(function (name) {
        show(name, messages[name] || "");
        var box = form.querySelector('[data-qw-error-for="' + name + '"]');
        box.setAttribute("data-qw-rule", problems[name] ? problems[name][0] : "");
      });
      if (tried) showSummary(messages);
      var text = eventFile(v);
      var where = rules.folder + slug + ".md";
      var proposal = letter(v) + "\n\n" + rules.editor_line.replace("{path}", where) + "\n\n" +
        text;
      output.value = text;
      path.textContent = where;
      preview.textContent = "";
      preview.appendChild(card(v));
      state = { ok: !Object.keys(messages).length, text: text, proposal: proposal, where: where,
                messages: messages };
      // without an address there is no mail button: copy, file or GitHub
      if (send) {
        var head = "mailto:" + rules.to_email + "?subject=" + encodeURIComponent(subject(v));
        // encoding only makes a text longer: a long proposal is not encoded at all
        var full = proposal.length <= rules.mailto_length &&
          head + "&body=" + encodeURIComponent(proposal);
        state.fits = Boolean(full) && full.length <= rules.mailto_length;
        send.href = state.fits ? full : head + "&body=" + encodeURIComponent(rules.paste_line);
      }
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      // a BOM and CRLF: Notepad on older Windows and phones alike open it as Cyrillic text
      blobUrl = URL.createObjectURL(new Blob(["\ufeff" + proposal.replace(/\n/g, "\r\n")],
                                             { type: "text/plain;charset=utf-8" }));
      save.href = blobUrl;
      save.setAttribute("download", txtName(v));
      // the platform's «new file» page (GitHub or GitLab) with the name and the file filled in
      if (rules.new_file_url) {
        github.href = rules.new_file_url + "?" + rules.new_file_name + "=" +
          encodeURIComponent(rules.new_file_prefix + slug + ".md") + "&" +
          rules.new_file_content + "=" + encodeURIComponent(text);
        github.hidden = false;
      }
    }

    function say(text) {
      status.textContent = text;
      status.scrollIntoView({ block: "nearest" });
    }

    // the first attempt to hand over shows every problem at once, with the summary on top
    function ready(event) {
      tried = true;
      update();
      if (state.ok) { summary.hidden = true; return true; }
      event.preventDefault();
      status.textContent = "";
      summary.hidden = false;
      summary.focus();
      summary.scrollIntoView({ block: "start" });
      return false;
    }

    function clean(field) {
      var name = field.name;
      if (limitOf(name) && field.value.length > 2 * limitOf(name) + 1000) return;  // refused
      if (name === "description") field.value = cleanDescription(field.value);
      else if (words.fields[name] && name !== "url" && field.tagName !== "SELECT" &&
               field.type === "text") field.value = cleanLine(field.value);
      else if (name === "url") field.value = field.value.replace(invisible(), "").trim();
    }

    form.addEventListener("input", function (event) {
      if (event.target === fileName) nameEdited = true;
      if (event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop") {
        clean(event.target);
      }
      update();
    });
    form.addEventListener("change", function (event) {
      var field = event.target;
      if (!field.name) return;
      if (field.name !== "event-file") touched[field.name.replace(/-time$/, "")] = true;
      // typed quotes become «ёлочки» as pasted ones do (the build turns them too: fields.Name)
      if (rules.named.indexOf(field.name) >= 0 && !oversized()[field.name]) {
        field.value = quotes(field.value);
      }
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (send) send.addEventListener("click", function (event) {
      if (!ready(event)) return;
      if (state.fits) {
        say("Открываем письмо в вашей почтовой программе: проверьте его и нажмите «Отправить». " +
            "Если письмо не открылось, ниже написано, что делать.");
        return;
      }
      // the mail link's body asks to paste: put the proposal where the paste finds it
      copy(state.proposal).then(function () {
        say(rules.copied_line);
      }, function () {
        say("Скопировать текст не получилось: нажмите «Скопировать текст» ниже и вставьте его " +
            "в письмо.");
      });
    });
    copyButton.addEventListener("click", function (event) {
      if (!ready(event)) return;
      copy(state.proposal).then(function () {
        say("Текст скопирован: " + rules.copied_to);
      }, function () {
        say("Скопировать не получилось: сохраните текст файлом .txt и приложите его к письму.");
      });
    });
    save.addEventListener("click", function (event) {
      if (!ready(event)) return;
      say("Файл сохранён: " + rules.saved_to);
    });
    // GitLab's editor may leave the text out of its new file (it reads only the name from the
    // address): there the page opens in a new tab, and the file is on the clipboard to paste
    if (rules.new_file_paste) {
      github.target = "_blank";
      github.rel = "noopener";
    }
    github.addEventListener("click", function (event) {
      if (!ready(event) || !rules.new_file_paste) return;
      copy(state.text).then(function () { say(rules.new_file_paste); }, function () {});
    });

    root.querySelector("[data-qw-fallback]").hidden = true;
    form.hidden = false;
    update();
  }

  function init() {
    var root = document.querySelector("[data-qw-propose]");
    if (!root || root.dataset.qwReady) return;
    root.dataset.qwReady = "1";
    fetch(root.getAttribute("data-qw-rules")).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (loaded) { setUp(root, loaded); }, function () {
      // the way by mail (the fields and the ministry's address) stays
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
