/* <neutral-timeline election="pilkada-2024" region="63.03" lang="id" theme="auto" date="2024-11-27">: what binds ASN.
   No dependencies. Data from the JSON API of the server this script came from; built with DOM APIs
   only (text never becomes markup); styles in the shadow root. The same structure as /widget/{id}. */
(function () {
  "use strict";
  if (!window.customElements || customElements.get("neutral-timeline")) return;
  var WORDS = /*@labels@*/null, CSS = /*@css@*/"";
  var me = document.currentScript || document.querySelector("script[src*='widget.js']");
  var BASE = new URL("..", me ? me.src : location.href).href.replace(/\/$/, "");
  var DAY = 86400000, HOUR = 3600000, ZONE = "Asia/Jakarta", SVG = "http://www.w3.org/2000/svg", sheet = null;

  function utc(s) { var p = s.split("-"); return Date.UTC(+p[0], p[1] - 1, +p[2]); }
  function diff(a, b) { return Math.round((utc(b) - utc(a)) / DAY); }
  function say(w, key, values) {
    var words = w.labels[key];  // a plural: {count, forms} with a form per CLDR plural category
    if (typeof words !== "string") words = words.forms[new Intl.PluralRules(w.locale).select(values[words.count])] || words.forms.other;
    return words.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }
  function short(w, s) { var d = new Date(utc(s)); return d.getUTCDate() + " " + w.months[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
  function long(w, s) { return w.weekdays[(new Date(utc(s)).getUTCDay() + 6) % 7] + ", " + short(w, s); }
  function span(w, a, b) {
    if (!a && !b) return w.labels.always;
    if (!a) return w.labels.until + " " + short(w, b);
    if (!b) return w.labels.since + " " + short(w, a);
    return a === b ? short(w, a) : short(w, a) + " – " + short(w, b);
  }
  function countdown(w, c) {
    if (c.days > 0) return say(w, "countdown_future", { days: c.days, date: short(w, c.voting_day) });
    if (c.days === 0) return w.labels.countdown_today;
    return say(w, "countdown_past", { days: -c.days, date: short(w, c.voting_day) });
  }
  function state(p, day) { return p.end < day ? "past" : p.start <= day ? "now" : "future"; }

  // h("p", {class: "x"}, ["text", node]): an element whose strings become text nodes.
  function h(tag, attrs, kids, ns) {
    var el = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    for (var name in attrs || {}) if (attrs[name] != null) el.setAttribute(name, attrs[name]);
    (kids || []).forEach(function (kid) {
      if (kid != null) el.appendChild(typeof kid === "object" ? kid : document.createTextNode(String(kid)));
    });
    return el;
  }
  function label(w, key) { return h("span", { class: "nt-label" }, [w.labels[key] + ":"]); }
  // [url, text] for each distinct http(s) source: its host, numbered when the host repeats.
  function links(urls) {
    var seen = {}, hosts = {}, out = [];
    (urls || []).forEach(function (url) {
      var u; try { u = new URL(url); } catch (e) { return; }
      if (seen[url] || !/^https?:$/.test(u.protocol)) return;
      seen[url] = 1;
      var host = u.hostname.replace(/^www\./, ""), n = hosts[host] = (hosts[host] || 0) + 1;
      out.push([u.href, n > 1 ? host + " (" + n + ")" : host]);
    });
    return out;
  }
  function anchors(found) {
    var out = [];
    found.forEach(function (l, i) {
      if (i) out.push(", ");
      out.push(h("a", { href: l[0], target: "_blank", rel: "noopener noreferrer" }, [l[1]]));
    });
    return out;
  }
  function cite(w, c) {  // the widget's compact form: one source, "+n" for the rest
    var found = links(c.urls), more = found.length > 1 ? h("span", { class: "nt-muted" }, ["+" + (found.length - 1)]) : null;
    return h("span", { class: "nt-cite" }, [
      ((c.short || c.instrument || "") + " " + c.locator).trim(),
      c.region ? " " : null, c.region ? h("span", { class: "nt-muted" }, ["(" + w.labels.regional + " " + c.region + ")"]) : null,
      c.verified ? null : " ", c.verified ? null : h("span", { class: "nt-unverified" }, [w.labels.unverified]),
      found.length ? " " : null,
      found.length ? h("span", { class: "nt-src" }, ["· " + w.labels.source + ": "].concat(anchors(found.slice(0, 1)), more ? [" ", more] : [])) : null]);
  }
  function joined(w, cites) {
    var out = [];
    cites.forEach(function (c, i) { if (i) out.push("; "); out.push(cite(w, c)); });
    return out;
  }

  function lanes(phases, start, n, day) {
    var rows = [], ends = [];
    phases.filter(function (p) { return p.key !== "stages"; }).sort(function (a, b) {
      return a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : a.key < b.key ? -1 : 1;
    }).forEach(function (p) {
      var left = Math.min(Math.max(diff(start, p.start), 0), n) / n, right = Math.min(Math.max(diff(start, p.end) + 1, 0), n) / n;
      var seg = { p: p, x: Math.round(left * 100000) / 100, w: Math.round(Math.max((right - left) * 1000, 3) * 100) / 100, s: state(p, day) };
      for (var i = 0; i < ends.length; i++) if (ends[i] < p.start) { rows[i].push(seg); ends[i] = p.end; return; }
      rows.push([seg]); ends.push(p.end);
    });
    return rows;
  }
  function bar(w, phases, day) {
    var start = phases.reduce(function (m, p) { return p.start < m ? p.start : m; }, phases[0].start);
    var end = phases.reduce(function (m, p) { return p.end > m ? p.end : m; }, phases[0].end);
    var n = diff(start, end) + 1, rows = lanes(phases, start, n, day), height = 6 + Math.max(rows.length, 1) * 14;
    var svg = h("svg", { class: "nt-svg", viewBox: "0 0 1000 " + height, height: height, preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false" }, [
      h("rect", { class: "nt-track", x: 0, y: 2, width: 1000, height: height - 4 }, [], SVG)], SVG);
    rows.forEach(function (row, i) {
      row.forEach(function (s) {
        svg.appendChild(h("rect", { class: "nt-seg is-" + s.s, x: s.x, y: 6 + i * 14, width: s.w, height: 10 },
          [h("title", {}, [s.p.name + ": " + span(w, s.p.start, s.p.end)], SVG)], SVG));
      });
    });
    if (day >= start && day <= end) {
      var x = Math.round((diff(start, day) + 0.5) / n * 100000) / 100;
      svg.appendChild(h("line", { class: "nt-today", x1: x, x2: x, y1: 0, y2: height, "vector-effect": "non-scaling-stroke" }, [], SVG));
    }
    var legend = [["today", "today_marker"], ["now", "now_running"], ["past", "past_phase"], ["future", "future_phase"]].map(function (k) {
      return h("span", {}, [h("span", { class: "nt-key is-" + k[0] }), w.labels[k[1]]]);
    });
    return h("div", { class: "nt-bar" }, [svg, h("p", { class: "nt-axis" }, [h("span", {}, [short(w, start)]), h("span", {}, [short(w, end)])]),
      h("p", { class: "nt-legend", "aria-hidden": "true" }, legend)]);
  }

  function section(id, level, title, kids) {
    return h("section", { class: "nt-sec", "aria-labelledby": id }, [h("h" + level, { id: id, class: "nt-h" }, [title])].concat(kids));
  }
  function rule(w, r, notes) {
    var L = w.labels, all = r.basis.filter(function (c) { return links(c.urls).length > 1; });
    return h("li", { class: "nt-rule" }, [
      h("h4", { class: "nt-rule-title" }, [h("span", { class: "nt-rule-name" }, [r.title]), r.verified ? null : " ", r.verified ? null : h("span", { class: "nt-unverified" }, [L.unverified])]),
      h("p", { class: "nt-meta" }, [label(w, "basis"), " "].concat(joined(w, r.basis))),
      r.interpretation ? h("p", { class: "nt-note" }, [label(w, "interpretation"), " " + say(w, "note_ref", { n: notes.indexOf(r.interpretation) + 1 })]) : null,
      h("details", { class: "nt-more" }, [
        h("summary", {}, [L.details, h("span", { class: "nt-sr" }, [": " + r.title])]),
        h("p", { class: "nt-summary" }, [r.summary]),
        h("p", { class: "nt-meta" }, [label(w, "window"), " " + span(w, r.window.start, r.window.end)])].concat(all.map(function (c) {
        return h("p", { class: "nt-meta" }, [label(w, "all_sources"), " "].concat(anchors(links(c.urls))));
      })))]);
  }
  function rules(w, items) {
    var L = w.labels, notes = [];
    items.forEach(function (r) { if (r.interpretation && notes.indexOf(r.interpretation) < 0) notes.push(r.interpretation); });
    if (!items.length) return [h("p", { class: "nt-muted" }, [L.no_rules])];
    return [h("ul", { class: "nt-rules" }, items.map(function (r) { return rule(w, r, notes); })),
      notes.length ? h("h4", { class: "nt-h nt-notes-h" }, [L.notes]) : null,
      notes.length ? h("ol", { class: "nt-notes" }, notes.map(function (n) { return h("li", {}, [n]); })) : null];
  }
  // [area name, prohibitions] under each rule's first named area, in the vocabulary's order, "Other"
  // last: render/areas.py's by_area, with the timeline's areas.
  function areas(w, items, known) {
    var names = new Map(known.map(function (a) { return [a.id, a.name]; })), order = known.map(function (a) { return a.name; });
    var groups = new Map();
    items.forEach(function (r) {
      if (r.kind !== "prohibition") return;
      var tag = r.tags.filter(function (t) { return names.has(t); })[0], name = tag ? names.get(tag) : w.other;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(r);
    });
    function at(g) { var i = order.indexOf(g[0]); return i < 0 ? order.length : i; }
    return Array.from(groups).sort(function (a, b) { return at(a) - at(b); });
  }
  // Short first, as the widget page (templates/widget.html): the header and countdown, the phases now,
  // what changes in 14 days, what is prohibited today by area with every rule under Details, who takes reports.
  function view(w, sit, tl, lang) {
    var es = sit.elections[0], day = sit.date, L = w.labels;
    var current = es.phases.filter(function (n) { return n.phase.key !== "stages"; });
    if (!current.length) current = es.phases;
    var now = current.length ? current.map(function (n) {
      return h("li", {}, [h("span", { class: "nt-now-name" }, [n.phase.name]), " ",
        h("span", { class: "nt-muted" }, [say(w, "day_of", { day: n.day, days: n.phase.days, left: n.days_left })])]);
    }) : [h("li", { class: "nt-muted" }, [L.no_phase])];
    var all = tl.phases.map(function (p) {
      var s = state(p, day);
      return h("li", { class: "nt-item is-" + s }, [h("span", { class: "nt-item-name" }, [p.name]), " ",
        h("span", { class: "nt-muted" }, [span(w, p.start, p.end)]), s === "now" ? " " : null,
        s === "now" ? h("span", { class: "nt-badge" }, [L.now_running]) : null]);
    });
    var changes = es.upcoming.length ? es.upcoming.map(function (c) {
      return h("li", {}, [h("time", { datetime: c.date }, [short(w, c.date)]), " ",
        h("span", { class: "nt-muted" }, ["(" + (c.in_days ? say(w, "in_days", { n: c.in_days }) : L.today) + ")"]),
        ": " + L[c.change] + " — ", h("span", { class: "nt-change-name" }, [c.name])]);
    }) : [h("li", { class: "nt-muted" }, [L.no_upcoming])];
    var line = [h("strong", { id: "nt-areas" }, [w.check.by_area + ":"])];
    areas(w, sit.rules, tl.areas || []).forEach(function (g, i) {
      line.push(i ? " · " : " ", h("span", { class: "nt-area" }, [g[0] + " (" + g[1].length + ")"]));
    });
    var bodies = [];
    (sit.reporting || []).forEach(function (b, i) {
      bodies.push(i ? " · " : " ", b.url ? h("a", { href: b.url, target: "_blank", rel: "noopener noreferrer" }, [b.name]) : b.name);
    });
    return [
      h("header", { class: "nt-head" }, [
        h("p", { class: "nt-kicker" }, [L.title + " · ", h("time", { datetime: day }, [long(w, day)])]),
        h("h2", { class: "nt-title" }, [es.name]),
        sit.region ? h("p", { class: "nt-region" }, [L.region + ": " + sit.region.name + " (" + sit.region.code + ") · " + L.zone + " " + sit.zone]) : null,
        h("p", { class: "nt-count" }, [countdown(w, es.countdown)]),
        es.participation ? h("p", { class: es.participation.status === "takes_part" ? "nt-ok" : "nt-warn" },
          [es.participation.note + " ", cite(w, es.participation.source)]) : null,
        es.in_progress ? null : h("p", { class: "nt-warn" }, [L.not_in_progress]),
        es.in_progress || !sit.message || !sit.local.length ? null : h("p", { class: "nt-warn nt-message" }, [sit.message])]),
      section("nt-phases", 3, L.phases, [h("ul", { class: "nt-now" }, now), bar(w, tl.phases, day),
        h("details", { class: "nt-all" }, [h("summary", {}, [L.all_phases + " (" + tl.phases.length + ")"]), h("ol", { class: "nt-list" }, all)])]),
      h("section", { class: "nt-sec", "aria-labelledby": "nt-upcoming" }, [h("details", { class: "nt-upcoming" }, [
        h("summary", { id: "nt-upcoming" }, [L.upcoming + " (" + es.upcoming.length + ")"]), h("ul", { class: "nt-changes" }, changes)])]),
      h("section", { class: "nt-sec", "aria-labelledby": "nt-areas" }, [h("p", { class: "nt-areas" }, line),
        h("details", { class: "nt-more-rules" }, [h("summary", {}, [L.details + ": " + sit.rules.length]),
          section("nt-rules", 3, L.rules + " (" + sit.rules.length + ")", rules(w, sit.rules))])]),
      bodies.length ? h("p", { class: "nt-sec nt-reporting-line" }, [h("strong", {}, [L.reporting + ":"])].concat(bodies)) : null,
      h("footer", { class: "nt-foot" }, [h("a", { href: BASE + "/" + (lang === "en" ? "?lang=en" : ""), target: "_blank", rel: "noopener" }, [L.more]),
        h("span", { class: "nt-muted" }, [" · " + L.data_version + " " + sit.data_version])])];
  }

  // What applies on `day`, derived from the day-independent timeline (and the region's answer): the
  // shape of the server's situation for one election, as view() shows it. The same lookups as
  // resolve/situation.py's situation_for; the browser tests compare the two on hundreds of days.
  function plus(s, n) { return new Date(utc(s) + n * DAY).toISOString().slice(0, 10); }
  // An AfarTable rule as the RuleInForce it stands for (same keys, same order), built once.
  function expand(t, i) {
    var done = t.full || (t.full = []);
    if (!done[i]) {
      var r = t.rules[i], o = {};
      Object.keys(r).forEach(function (k) { o[k] = r[k]; });
      o.basis = r.basis.map(function (j) { return t.citations[j]; });
      o.interpretation = r.interpretation == null ? null : t.notes[r.interpretation];
      o.sanction = r.sanction == null ? null : t.sanctions[r.sanction];
      done[i] = o;
    }
    return done[i];
  }
  function holds(x, day) { return (x.start == null || x.start <= day) && (x.end == null || day <= x.end); }
  function situation(tl, place, day, lang) {
    var part = place ? place.participation.filter(function (p) { return p.election === tl.id; })[0] || null : null;
    var own = !part || part.status === "takes_part" || part.status === "unknown", main = tl.schedules[0], last = plus(day, 14);
    function binds(id, mine) { return mine || tl.held_only.indexOf(id) < 0; }
    // The rules in force on `d` (the server's _rules_on) and the local schedules followed that day.
    function inForce(d) {
      var locals = tl.schedules.filter(function (s, i) { return i > 0 && holds(s, d); });
      locals.sort(function (a, b) { return a.voting_day < b.voting_day ? -1 : a.voting_day > b.voting_day ? 1 : a.id < b.id ? -1 : 1; });
      var itself = locals.filter(function (s) { return s.itself; });
      if (itself.length) locals = itself.slice(0, 1);  // its own schedule (a province votes again itself)
      var local = locals[0] || null;
      function rules(s, mine) { return s.rules.filter(function (r) { return holds(r, d) && binds(r.rule.id, mine); }).map(function (r) { return r.rule; }); }
      var found = rules(main, own), mine = own && (!local || local.itself), at = {};
      found.forEach(function (r, i) { at[r.id] = i; });
      locals.forEach(function (s) {
        rules(s, mine).forEach(function (r) { if (r.id in at) found[at[r.id]] = r; else { at[r.id] = found.length; found.push(r); } });
      });
      // National rules of local schedules elsewhere bind every ASN too (_bound_from_afar).
      var afar = {}, afarIds = [], t = tl.afar;
      if (t) t.spans.forEach(function (s) {
        if (!holds(s, d)) return;
        var id = t.rules[s.rule].id;
        if (!(id in afar)) afarIds.push(id);
        else if ((t.rules[s.rule].window.end || "9") < (t.rules[afar[id]].window.end || "9")) return;  // the latest end
        afar[id] = s.rule;
      });
      afarIds.forEach(function (id) { if (!(id in at)) { at[id] = found.length; found.push(expand(t, afar[id])); } });
      return { found: found, locals: locals, local: local, mine: mine };
    }
    var now = inForce(day), found = now.found, locals = now.locals, local = now.local, mine = now.mine;
    // Rule changes in the next 14 days from the rules in force day by day (the server's _changes).
    // With no local schedule near (the server's _plain_days), the schedule's own events say it.
    var lo = plus(day, -1), hi = plus(day, 15);
    function near(x) { return x.start <= hi && lo <= x.end; }
    var quiet = !((tl.afar && tl.afar.spans.some(near)) || tl.schedules.slice(1).some(near));
    var held = {}, ruleChanges = [];
    for (var n = -1; n <= 15 && !quiet; n++) held[n] = inForce(plus(day, n)).found.reduce(function (m, r) { m[r.id] = r.title; return m; }, {});
    for (n = 0; n <= 14 && !quiet; n++) {
      Object.keys(held[n]).forEach(function (id) {
        if (!(id in held[n - 1])) ruleChanges.push({ date: plus(day, n), change: "rule_start", id: id, name: held[n][id] });
        if (!(id in held[n + 1])) ruleChanges.push({ date: plus(day, n), change: "rule_end", id: id, name: held[n][id] });
      });
    }
    // A province following several local schedules at once: each phase and change once, one not on
    // every schedule named with the regions whose schedule has it (as situation_for's _joined).
    function joined(pick, same, order) {
      var groups = {}, keys = [];
      locals.forEach(function (s) {
        var info = (tl.local || []).filter(function (l) { return l.id === s.id; })[0];
        var names = info ? info.regions.filter(function (r) { return s.itself || !place || r.code.indexOf(place.code + ".") === 0; })
          .map(function (r) { return r.name; }).join(", ") : s.id;
        pick(s).forEach(function (x) {
          var k = JSON.stringify(same(x)), g = groups[k] || (keys.push(k), groups[k] = { x: x, names: [], n: 0 });
          g.n++;
          if (g.names.indexOf(names) < 0) g.names.push(names);
        });
      });
      return keys.map(function (k) {
        var g = groups[k];
        return g.n < locals.length ? Object.assign({}, g.x, { name: g.x.name + ": " + g.names.join(", ") }) : g.x;
      }).sort(order);
    }
    function cmp(a, b) { for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1; return 0; }
    var CHANGE = { phase_start: 0, rule_start: 1, rule_end: 2, phase_end: 3 };
    var sched = locals.length ? {
      phases: joined(function (s) { return s.phases.filter(function (p) { return p.start <= day && day <= p.end; }); },
        function (p) { return [p.key, p.start, p.end]; },
        function (a, b) { return cmp([a.start, -a.days, a.key, a.end], [b.start, -b.days, b.key, b.end]); }),
      changes: joined(function (s) { return s.changes.filter(function (c) { return c.date >= day && c.date <= last; }); },
        function (c) { return [c.date, c.change, c.id]; },
        function (a, b) { return cmp([a.date, CHANGE[a.change], a.id], [b.date, CHANGE[b.change], b.id]); }),
      voting_day: (locals.map(function (s) { return s.voting_day; }).sort().filter(function (v) { return v >= day; })[0]) ||
        locals.map(function (s) { return s.voting_day; }).sort().pop()
    } : main;
    var said = local || (main.start <= day && day <= main.end) ? null : (tl.local_messages || []).filter(function (m) { return holds(m, day); })[0];
    var taking = local && local.participation ? local.participation : part && {
      status: part.status, races: part.races, note: part.note[lang], source: tl.participation_source };
    return {
      date: day, zone: place ? place.zone : ZONE, data_version: tl.data_version,
      region: place ? { code: place.code, name: place.name } : null,
      rules: found, message: said ? said.message : null, local: said ? [said] : [],
      reporting: tl.reporting.filter(function (b) { return holds(b, day); }).map(function (b) { return b.body; }),
      elections: [{
        id: tl.id, name: tl.name, in_progress: local ? true : main.start <= day && day <= main.end,
        phases: sched.phases.filter(function (p) { return p.start <= day && day <= p.end; }).map(function (p) {
          return { phase: p, day: diff(p.start, day) + 1, days_left: diff(day, p.end) };
        }),
        rule_ids: found.map(function (r) { return r.id; }),
        countdown: { voting_day: sched.voting_day, days: diff(day, sched.voting_day) },
        upcoming: sched.changes.filter(function (c) {
          return c.date >= day && c.date <= last && (/^phase_/.test(c.change) || (quiet && binds(c.id, own)));
        })
          .concat(ruleChanges).sort(function (a, b) { return cmp([a.date, CHANGE[a.change], a.id], [b.date, CHANGE[b.change], b.id]); })
          .map(function (c) { return { date: c.date, in_days: diff(day, c.date), change: c.change, id: c.id, name: c.name }; }),
        participation: taking || null }] };
  }
  // The calendar day in `zone` by the browser's clock, and the milliseconds to its next midnight.
  function clock(zone) {
    var now = new Date(), v = {};
    new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(now).forEach(function (p) { v[p.type] = p.value; });
    var gone = ((+v.hour * 60 + +v.minute) * 60 + +v.second) * 1000 + now.getMilliseconds();
    return { day: v.year + "-" + v.month + "-" + v.day, left: DAY - gone };
  }
  function isDay(s) { return /^\d{4}-\d{2}-\d{2}$/.test(s) && plus(s, 0) === s; }

  function json(url) {
    return fetch(url, { credentials: "omit" }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error.message : "HTTP " + r.status);
        return body;
      }, function () { throw new Error("HTTP " + r.status + " " + url); });  // a static host's 404 page
    });
  }

  // "Bolehkah saya ...?": the activity check of the widget page, one line until asked, answered in place
  // by /api/v1/check for this element's election, date, region and language. Text never becomes markup.
  function ask(w, lang, attrs) {
    var C = w.check, ticket = 0;
    var input = h("input", { id: "nt-check-q", name: "q", type: "search", maxlength: 100, required: "", autocomplete: "off", placeholder: C.example, title: C.box_hint });
    var out = h("div", { class: "nt-check-result", role: "status", "aria-live": "polite" });
    var form = h("form", { class: "nt-check-form nt-ask", role: "search" }, [h("label", { for: "nt-check-q" }, [C.box_title]), input, h("button", { type: "submit" }, [C.box_submit])]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = input.value.trim(), mine = ++ticket, params = new URLSearchParams({ q: q, lang: lang });
      if (!q) return;
      ["date", "election", "region"].forEach(function (k) { if (attrs[k]) params.set(k, attrs[k]); });
      out.replaceChildren(h("p", { class: "nt-muted" }, [w.labels.loading]));
      json(BASE + "/api/v1/check?" + params).then(function (answer) {
        if (mine === ticket) out.replaceChildren.apply(out, verdict(w, answer, function (name) { input.value = name; form.requestSubmit(); }));
      }, function (error) {
        if (mine === ticket) out.replaceChildren(h("p", { class: "nt-warn" }, [w.labels.load_failed + ": " + error.message]));
      });
    });
    return h("section", { class: "nt-sec nt-check", "aria-label": C.box_title }, [form, out]);
  }
  function verdict(w, a, choose) {
    var C = w.check, out = [h("p", { class: "nt-verdict nt-verdict-" + a.verdict }, [h("strong", {}, [C[a.verdict === "depends" && a.negation ? "negated" : a.verdict] || a.verdict])]), h("p", {}, [a.message])];
    if (a.activity) out.push(h("p", { class: "nt-understood", "data-activity": a.activity.id }, [C.understood + ": ", h("strong", {}, [a.activity.name]), " ",
      h("span", { class: "nt-muted" }, ["(" + C.area + ": " + a.activity.area_name + ")"])]));
    if (a.rules.length) {
      var found = rules(w, a.rules);
      found[0].querySelectorAll(".nt-rule").forEach(function (li, i) { li.setAttribute("data-rule", a.rules[i].id); });
      out = out.concat([h("h4", { class: "nt-h" }, [(a.verdict === "depends" ? C.rules_if : C.rules) + " (" + a.rules.length + ")"])], found);
    }
    if (a.closest.length) out.push(h("p", {}, [C.closest + ":"]), h("ul", { class: "nt-closest" }, a.closest.map(function (c) {
      var pick = h("button", { type: "button", "data-activity": c.id }, [c.name]);
      pick.addEventListener("click", function () { choose(c.name); });
      return h("li", {}, [pick]);
    })));
    if (a.principle.length) out.push(h("p", { class: "nt-muted" }, [C.principle + ": " + a.principle.map(function (r) { return r.title; }).join("; ")]));
    return out;
  }

  class NeutralTimeline extends HTMLElement {
    static get observedAttributes() { return ["election", "lang", "theme", "date", "region"]; }
    connectedCallback() { this.update(); }
    attributeChangedCallback() { if (this.isConnected) this.update(); }
    update() {
      var self = this, root = this.shadowRoot || this.attachShadow({ mode: "open" });
      var lang = this.getAttribute("lang") === "en" ? "en" : "id", w = WORDS[lang];
      var theme = /^(light|dark)$/.test(this.getAttribute("theme")) ? this.getAttribute("theme") : "auto";
      var election = this.getAttribute("election") || "", date = this.getAttribute("date"), region = this.getAttribute("region");
      var box = h("div", { class: "nt", "data-theme": theme, lang: lang, role: "region", "aria-label": w.labels.title }, [
        h("p", { class: "nt-muted" }, [w.labels.loading])]);
      if (!sheet && "adoptedStyleSheets" in root && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      if (sheet) { root.adoptedStyleSheets = [sheet]; root.replaceChildren(box); }
      else root.replaceChildren(h("style", {}, [CSS]), box);
      var ticket = this.ticket = (this.ticket || 0) + 1;
      clearTimeout(this.timer);
      // "Today" is decided here, by the browser's clock in the region's zone, from answers that do not
      // depend on the day (a static host or CDN can serve them); it turns at the zone's midnight.
      // Path-style addresses a static host serves too; a region by name (not a code) needs the app.
      var api = BASE + "/api/v1/", code = /^\d+(\.\d+)*$/.test(region || "");
      (date && !isDay(date) ? Promise.reject(new Error("date: " + date + " (YYYY-MM-DD)"))
        : region ? json(api + "regions/" + encodeURIComponent(region) + (code ? ".json" : "")) : Promise.resolve(null))
        .then(function (place) {
          var tl = api + lang + "/elections/" + encodeURIComponent(election) + "/timeline" + (place ? "/" + encodeURIComponent(place.code) : "") + ".json";
          return json(tl).then(function (tl) { return [tl, place]; });
        })
        .then(function (got) {
          var tl = got[0], place = got[1], shown = null;
          (function paint() {
            if (ticket !== self.ticket) return;
            var now = clock(place ? place.zone : ZONE), day = date || now.day;
            if (day !== shown) {
              var sit = situation(tl, place, shown = day, lang);
              box.setAttribute("aria-label", say(w, "widget_title", { name: tl.name + (place ? " — " + place.name : "") }));
              box.setAttribute("data-date", day);
              box.replaceChildren.apply(box, view(w, sit, tl, lang));
              box.insertBefore(ask(w, lang, { date: day, election: election, region: region }), box.children[1] || null);  // the day shown
            }
            if (!date) self.timer = setTimeout(paint, Math.min(now.left + 50, HOUR));
          })();
        }, function (error) {
          if (ticket !== self.ticket) return;
          box.replaceChildren(h("p", { class: "nt-warn" }, [w.labels.load_failed + ": " + error.message]));
        });
    }
    disconnectedCallback() { clearTimeout(this.timer); }
    static situation(tl, place, day, lang) { return situation(tl, place, day, lang === "en" ? "en" : "id"); }
  }
  customElements.define("neutral-timeline", NeutralTimeline);
})();
