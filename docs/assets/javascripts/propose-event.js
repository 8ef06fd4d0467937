// «Предложить мероприятие» (docs/propose.md): builds an event file from the form, checked by the
// rules the build writes from its own validator (assets/event-rules.json, made by
// qualityweek/event_rules.py), with the messages the build gives (tests/test_propose.py checks
// both agree). Nothing leaves the page unless the reader presses a button. Our own code.
(function () {
  "use strict";

  var rules;

  function chars(text) { return Array.from(text); }
  function hex(ch, width) {
    var code = ch.codePointAt(0).toString(16);
    while (code.length < width) code = "0" + code;
    return code;
  }

  // untrusted.shown: the typed value in «ёлочках», cut, control characters made visible
  function shown(value) {
    var list = chars(value);
    if (list.length > rules.shown_length) list = list.slice(0, rules.shown_length - 1).concat("…");
    var control = new RegExp("^" + rules.control + "$", "u");
    return "«" + list.map(function (ch) {
      return control.test(ch) && ch !== " " ? "\\x" + hex(ch, 2) : ch;
    }).join("") + "»";
  }

  // untrusted.check_text: a message, or "" when the text is fine
  function textProblem(value, limit, multiline) {
    var found = new RegExp(multiline ? rules.control_multiline : rules.control, "u").exec(value);
    if (found) {
      var bad = found[0];
      var kind = "\r\n\u2028\u2029".indexOf(bad) >= 0 ? "перевод строки"
        : "управляющий символ U+" + hex(bad, 4).toUpperCase();
      return "недопустимый символ (" + kind + ") в " + shown(value) + ": пишите обычный текст" +
        (multiline ? "" : " в одну строку");
    }
    var length = chars(value).length;
    if (length > limit) return "длиннее " + limit + " знаков (получено " + length + "): " + shown(value);
    return "";
  }

  // untrusted._url_problem for an https address, read as Python's urllib.parse.urlsplit reads it
  function urlProblem(value) {
    if (chars(value).length > rules.url_length) return "адрес длиннее " + rules.url_length + " знаков";
    var control = new RegExp(rules.control, "u");
    if (control.test(value) || /\s/u.test(value) ||
        chars(value).some(function (ch) { return rules.url_unsafe.indexOf(ch) >= 0; })) {
      return "в адресе пробел, кавычка, угловая скобка, обратная косая черта или управляющий символ";
    }
    var scheme = "", rest = value, colon = value.indexOf(":");
    if (colon > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(value.slice(0, colon))) {
      scheme = value.slice(0, colon).toLowerCase();
      rest = value.slice(colon + 1);
    }
    var netloc = "";
    if (rest.slice(0, 2) === "//") netloc = rest.slice(2).split(/[/?#]/)[0];
    if (/[[\]]/.test(netloc)) return "адрес не разбирается";
    // urlsplit refuses a non-ASCII netloc whose NFKC form holds «/?#@:» (e.g. «／»)
    var bare = netloc.replace(/[@:#?]/g, "");
    if (/[^\x00-\x7f]/.test(netloc) && bare.normalize("NFKC") !== bare &&
        /[/?#@:]/.test(bare.normalize("NFKC"))) {
      return "адрес не разбирается";
    }
    var hostinfo = netloc.slice(netloc.lastIndexOf("@") + 1);
    var at = hostinfo.indexOf(":");
    var host = at >= 0 ? hostinfo.slice(0, at) : hostinfo;
    var port = at >= 0 ? hostinfo.slice(at + 1) : "";
    if (port && (!/^[0-9]+$/.test(port) || Number(port) > 65535)) return "адрес не разбирается";
    if (scheme !== "https") return scheme ? "недопустимая схема адреса" : "не абсолютный адрес";
    if (value.toLowerCase().indexOf("https://") !== 0) return "нет имени сайта после «//»";
    if (netloc.indexOf("@") >= 0) return "в адресе есть имя пользователя или пароль («…@»)";
    var label = new RegExp("^(?:" + rules.host_label + ")$", "iu");
    var labels = host.toLowerCase().split(".");
    if (labels.length < 2 || !labels.every(function (l) { return label.test(l); })) {
      return "неверное имя сайта";
    }
    if (port && Number(port) === 0) return "неверный порт";
    return "";
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
    var brackets = text.split("[").length - 1;
    if (brackets > rules.description_brackets) {
      return "в описании больше " + rules.description_brackets + " квадратных скобок «[» (" +
        brackets + "): сократите число ссылок";
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
        return "строка описания " + (i + 1) + ": вложенность списков или цитат глубже " +
          rules.description_nesting + " уровней";
      }
    }
    return "";
  }

  // events._rules: start and end in November of the year, the end not before the start
  function dayProblem(day) {
    var y = rules.year;
    if (day.slice(0, 7) === y + "-11") return "";
    return day + " — не ноябрь " + y + " года (папка " + y + "); ожидается дата с " +
      rules.first_day + " по " + rules.last_day;
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

  // {field: message}, each message as the build words it after the file name
  function check(v) {
    var problems = {};
    function add(name, message) {
      if (!problems[name]) problems[name] = (name === "description" ? "описание: " : "поле «" + name + "»: ") + message;
    }
    rules.fields.forEach(function (name) {
      var value = v[name];
      if (!value) {
        if (rules.required.indexOf(name) >= 0) add(name, "обязательное поле не задано");
        return;
      }
      if (name === "url") {
        var bad = urlProblem(value);
        if (bad) add(name, bad + ": " + shown(value) + "; ожидается адрес https://…");
      } else if (rules.limits[name]) {
        var problem = textProblem(value, rules.limits[name], false);
        if (problem) add(name, problem);
      }
    });
    if (Object.keys(problems).length) return problems;  // the build checks the rest after these
    ["start", "end"].forEach(function (name) {
      var bad = dayProblem(v[name].slice(0, 10));
      if (bad) add(name, bad);
    });
    var begins = v.start.length > 10 ? v.start : v.start + " 00:00";
    var ends = v.end.length > 10 ? v.end : v.end + " 24:00";
    if (ends < begins) {
      add("end", "конец (" + v.end + ") раньше начала (" + v.start + ")");
    }
    if (rules.in_person.indexOf(v.format) >= 0 && !v.address) {
      add("address", "обязательно при формате «" + v.format + "» (где проходит мероприятие); " +
        "для формата «онлайн» его можно не писать");
    }
    var description = descriptionProblem(v.description);
    if (description) add("description", description);
    return problems;
  }

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

  // event_rules.slug_for
  function slugFor(title) {
    var latin = chars(title.toLowerCase()).map(function (ch) {
      return Object.prototype.hasOwnProperty.call(rules.translit, ch) ? rules.translit[ch] : ch;
    }).join("");
    var slug = latin.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (slug.length > rules.slug_length) {
      var cut = slug.slice(0, rules.slug_length + 1);
      slug = cut.indexOf("-") >= 0 ? cut.slice(0, cut.lastIndexOf("-")) : slug.slice(0, rules.slug_length);
    }
    return slug || rules.slug_fallback;
  }

  function setUp(root, loaded) {
    rules = loaded;
    var form = root.querySelector("[data-qw-form]");
    var fileName = form.elements["file-name"];
    var output = form.elements["event-file"];
    var path = form.querySelector("[data-qw-path]");
    var status = form.querySelector("[data-qw-status]");
    var send = form.querySelector("[data-qw-send]");
    var download = form.querySelector("[data-qw-download]");
    var github = form.querySelector("[data-qw-github]");
    var touched = {}, showAll = false, nameEdited = false, blobUrl = null, state = {};

    function fileProblem(slug) {
      if (!new RegExp("^(?:" + rules.slug + ")$").test(slug)) {
        return "не подходит как файл мероприятия: " + rules.how_to_name;
      }
      if (rules.taken.indexOf(slug) >= 0) {
        return "файл с таким именем уже есть в папке " + rules.year + ": измените имя";
      }
      return "";
    }

    function show(name, message) {
      var box = form.querySelector('[data-qw-error-for="' + name + '"]');
      var control = form.elements[name === "file-name" ? "file-name" : name];
      var visible = Boolean(message) && (showAll || touched[name]);
      box.textContent = visible ? message : "";
      box.hidden = !visible;
      if (control) {
        if (visible) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }

    function update() {
      var v = values(form);
      if (!nameEdited) fileName.value = slugFor(v.title);
      var slug = fileName.value.trim();
      var problems = check(v);
      problems["file-name"] = fileProblem(slug);
      rules.fields.concat(["description", "file-name"]).forEach(function (name) {
        show(name, problems[name] || "");
      });
      var text = eventFile(v);
      var where = rules.folder + slug + ".md";
      output.value = text;
      path.textContent = where;
      state = { ok: !Object.keys(problems).some(function (k) { return problems[k]; }),
                text: text, where: where, name: slug + ".md" };
      var subject = "Мероприятие для сайта Недели качества: " + (v.title || "без названия") +
        (v.start ? " (" + v.start + (v.end && v.end !== v.start ? " — " + v.end : "") + ")" : "");
      send.href = "mailto:" + rules.ministry_email + "?subject=" + encodeURIComponent(subject) +
        "&body=" + encodeURIComponent(text);
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      blobUrl = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
      download.href = blobUrl;
      download.setAttribute("download", state.name);
      if (rules.new_file_url) {
        github.href = rules.new_file_url + "?filename=" + encodeURIComponent(where) +
          "&value=" + encodeURIComponent(text);
        github.hidden = false;
      }
    }

    function guard(event) {
      showAll = true;
      update();
      if (!state.ok) {
        event.preventDefault();
        status.textContent = "Исправьте поля с сообщениями: файл с ошибками сборка не примет.";
        var first = form.querySelector('[aria-invalid="true"]');
        if (first) first.focus();
        return false;
      }
      status.textContent = "";
      return true;
    }

    form.addEventListener("input", function (event) {
      if (event.target === fileName) nameEdited = true;
      update();
    });
    form.addEventListener("change", function (event) {
      touched[event.target.name.replace(/-time$/, "")] = true;
      update();
    });
    form.addEventListener("focusout", function (event) {
      if (event.target.name) touched[event.target.name.replace(/-time$/, "")] = true;
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    send.addEventListener("click", function (event) {
      if (!guard(event)) return;
      if (send.href.length > rules.mailto_length) {  // too long for common mail clients
        event.preventDefault();
        download.click();
        status.textContent = "Файл слишком большой для письма по ссылке: он скачан, приложите его " +
          "к письму на " + rules.ministry_email + ".";
      }
    });
    download.addEventListener("click", guard);
    github.addEventListener("click", guard);

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
      // the fallback (e-mail and the list of fields) stays
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
