// Unit tests of the program-link codec (docs/assets/javascripts/program/link.js), run by
// `node --test tests/js/`. The browser tests cover the page; these cover hostile links.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  DOSE as LIMITS,
  LOAD_LENGTH,
  MAX_ITEMS,
  NOTE_LENGTH,
  TITLE_LENGTH,
} from "../../docs/assets/javascripts/common/contract.js";
import { plural as count } from "../../docs/assets/javascripts/common/words.js";
import {
  ECHO_LENGTH,
  MAX_LINK_LENGTH,
  checksum,
  decode,
  dosageText,
  encode,
  episodeOf,
  escapeText,
  newEpisode,
  nextRevision,
  shorten,
} from "../../docs/assets/javascripts/program/link.js";

/** @type {import("../../docs/assets/javascripts/program/link.js").Guide} */
const guide = {
  slugs: new Set(["clam-shell", "quad-set", "calf-stretch"]),
  formerSlugs: new Map([["clamshell", "clam-shell"]]),
};

/**
 * A payload with its checksum, as a hostile or careless link maker would write it.
 * @param {string} payload
 */
function signed(payload) {
  return `${payload}~${checksum(payload)}`;
}

/** @param {string} fragment */
function reason(fragment) {
  const decoded = decode(fragment, guide);
  assert.equal(decoded.status, "damaged", JSON.stringify(decoded));
  return decoded.status === "damaged" ? decoded.reason : "";
}

/** @param {string} fragment */
function ok(fragment) {
  const decoded = decode(fragment, guide);
  assert.equal(decoded.status, "ok", JSON.stringify(decoded));
  if (decoded.status !== "ok") throw new Error("unreachable");
  return decoded;
}

describe("checksum", () => {
  test("is FNV-1a of the UTF-8 bytes in base 36", () => {
    // FNV-1a 32 of "" is the offset basis; of "a" is 0xe40c292c.
    assert.equal(checksum(""), (0x811c9dc5).toString(36));
    assert.equal(checksum("a"), (0xe40c292c).toString(36));
    assert.notEqual(checksum("é"), checksum("e"));
  });
});

describe("the episode", () => {
  const items = [{ slug: "clam-shell", s: 3 }];

  test("rides with the title, survives the round trip, and changes the checksum", () => {
    const episode = newEpisode();
    assert.match(episode, /^[0-9a-z]{10}$/);
    const fragment = encode({ title: "Week 1. Knees", items, episode });
    const decoded = ok(fragment);
    assert.equal(decoded.episode, episode);
    assert.equal(decoded.title, "Week 1. Knees");
    assert.notEqual(fragment.split("~")[1], encode({ title: "Week 1. Knees", items }).split("~")[1]);
    assert.equal(episodeOf(decoded), episode);
  });

  test("two new episodes differ", () => assert.notEqual(newEpisode(), newEpisode()));

  test("a link from before episodes is its own episode, named by its checksum", () => {
    const fragment = encode({ title: "Old", items });
    const decoded = ok(fragment);
    assert.equal(decoded.episode, undefined);
    assert.equal(episodeOf(decoded), fragment.split("~")[1]);
  });

  test("a changed program keeps the episode it was opened with", () => {
    const v1 = ok(encode({ title: "", items, episode: "abc123" }));
    const v2 = ok(encode({ ...v1, items: [...v1.items, { slug: "quad-set", h: 10 }] }));
    assert.equal(episodeOf(v2), "abc123");
  });

  test("a malformed or repeated episode is damaged; unknown title fields are left for later", () => {
    assert.match(reason(signed("v1,t.iABC,clam-shell")), /episode/);
    assert.match(reason(signed("v1,t.i,clam-shell")), /episode/);
    assert.match(reason(signed(`v1,t.i${"a".repeat(13)},clam-shell`)), /episode/);
    assert.match(reason(signed("v1,t.iabc.iabd,clam-shell")), /episode/);
    const later = ok(signed("v1,t.x9.iabc,clam-shell"));
    assert.equal(later.title, "t");
    assert.equal(later.episode, "abc");
  });
});

describe("the revision", () => {
  const items = [{ slug: "clam-shell", s: 3 }];
  test("changing a program keeps its episode and counts the revision", () => {
    const first = ok(encode({ title: "T", items, episode: "abc" }));
    assert.equal(first.revision, undefined);
    const second = ok(encode(nextRevision(first)));
    assert.deepEqual([second.episode, second.revision, second.title], ["abc", 2, "T"]);
    assert.equal(ok(encode(nextRevision(second))).revision, 3);
  });
  test("a link from before episodes keeps its checksum as the episode when changed", () => {
    const fragment = encode({ title: "Old", items });
    const changed = ok(encode(nextRevision(ok(fragment))));
    assert.equal(changed.episode, fragment.split("~")[1]);
  });
  test("a malformed or repeated revision is damaged", () => {
    assert.match(reason(signed("v1,t.iabc.n0,clam-shell")), /revision/);
    assert.match(reason(signed("v1,t.iabc.n10000,clam-shell")), /revision/);
    assert.match(reason(signed("v1,t.iabc.n2.n3,clam-shell")), /revision/);
  });
});

describe("encode and decode", () => {
  test("a program survives the round trip", () => {
    const program = {
      title: "Week 1: knees. ~ça va~ 100%",
      items: [
        {
          slug: "clam-shell",
          s: 3,
          r: 12,
          times: 2,
          per: /** @type {const} */ ("day"),
          note: "Slow. ~Left~ first, 50%",
        },
        { slug: "quad-set", h: 10, times: 3, per: /** @type {const} */ ("week") },
        { slug: "calf-stretch" },
      ],
    };
    const fragment = encode(program);
    assert.match(fragment, /^v1,[^.~]*,clam-shell\.s3\.r12\.d2\.n[^.~]*,quad-set\.h10\.w3,calf-stretch~[0-9a-z]+$/);
    const decoded = ok(`#${fragment}`);
    assert.equal(decoded.title, program.title);
    assert.deepEqual(
      decoded.items.map(({ known, problems, ...item }) => ({ known, problems, item })),
      program.items.map((item) => ({ known: true, problems: [], item })),
    );
  });

  test("matches the browser tests' Python writer (tests/browser/program_link.py)", () => {
    assert.equal(escapeText("a.b~c d'"), "a%2Eb%7Ec%20d'");
    assert.equal(encode({ title: "", items: [{ slug: "clam-shell", s: 3 }] }), signed("v1,,clam-shell.s3"));
  });

  test("no fragment is empty, not damaged", () => {
    assert.deepEqual(decode("", guide), { status: "empty" });
    assert.deepEqual(decode("#", guide), { status: "empty" });
  });

  test("an empty title stays empty, never 'undefined'", () => {
    assert.equal(ok(signed("v1,,clam-shell")).title, "");
  });

  test("a link without a title field is damaged, never titled 'undefined'", () => {
    assert.match(reason(signed("v1")), /no exercises/);
  });

  test("a former slug leads to the exercise's new slug", () => {
    const [item] = ok(signed("v1,,clamshell.s2")).items;
    assert.deepEqual(item, { slug: "clam-shell", known: true, problems: [], s: 2 });
  });
});

describe("links that are not the builder's", () => {
  const good = encode({ title: "", items: [{ slug: "clam-shell", s: 3, r: 12 }, { slug: "quad-set" }] });

  test("a truncated link fails its checksum", () => {
    for (let end = 1; end < good.length; end += 1) {
      const decoded = decode(good.slice(0, end), guide);
      assert.equal(decoded.status, "damaged", good.slice(0, end));
    }
  });

  test("an altered link fails its checksum", () => {
    assert.match(reason(good.replace(".s3", ".s4")), /checksum/);
    assert.match(reason(`${good}0`), /checksum/);
    assert.match(reason(good.replace(/~.*/, "~")), /checksum/);
    assert.match(reason(good.replace(/~.*/, "~ZZZ")), /checksum/);
  });

  test("a later version says so; nothing else passes for one", () => {
    assert.deepEqual(decode(`v2${good.slice(2)}`, guide), { status: "newer" });
    assert.deepEqual(decode("v2", guide), { status: "newer" });
    assert.deepEqual(decode("v10,anything", guide), { status: "newer" });
    for (const version of ["v0", "v01", "V1", "v", "v1x", "hello", "v99999999"]) {
      assert.equal(decode(`${version},,clam-shell~0`, guide).status, "damaged", version);
    }
  });

  test("a title or note longer than the builder allows is refused", () => {
    assert.equal(ok(signed(`v1,${"a".repeat(TITLE_LENGTH)},clam-shell`)).title.length, TITLE_LENGTH);
    assert.match(reason(signed(`v1,${"a".repeat(TITLE_LENGTH + 1)},clam-shell`)), /title/);
    assert.equal(ok(signed(`v1,,clam-shell.n${"b".repeat(NOTE_LENGTH)}`)).items[0].note?.length, NOTE_LENGTH);
    assert.match(reason(signed(`v1,,clam-shell.n${"b".repeat(NOTE_LENGTH + 1)}`)), /note/);
  });

  test("more exercises than the builder allows, or one twice, is refused", () => {
    const many = Array.from({ length: MAX_ITEMS + 1 }, (_, index) => `gone-${index}`);
    assert.match(reason(signed(`v1,,${many.join(",")}`)), /more exercises/);
    assert.equal(ok(signed(`v1,,${many.slice(1).join(",")}`)).items.length, MAX_ITEMS);
    assert.match(reason(signed("v1,,clam-shell,clam-shell")), /twice/);
    assert.match(reason(signed("v1,,clam-shell,clamshell")), /twice/);
  });

  test("an oversized link is refused before any work", () => {
    assert.match(reason(`v1,${"a".repeat(MAX_LINK_LENGTH)}`), /too long/);
  });

  test("dosage figures outside the builder's limits are left out, with a message", () => {
    for (const [key, [low, high]] of Object.entries(LIMITS)) {
      for (const value of [low - 1, high + 1]) {
        const [item] = ok(signed(`v1,,clam-shell.${key}${value}`)).items;
        assert.equal(dosageText(item), "As your clinician advised", `${key}${value}`);
        assert.match(item.problems.join(" "), /outside the range/);
      }
      const [item] = ok(signed(`v1,,clam-shell.${key}${high}`)).items;
      assert.deepEqual(item.problems, []);
    }
  });

  test("unreadable dosage parts are left out, with a message", () => {
    for (const part of ["x3", "s", "s-1", "s+1", "s 1", "s3e2", "s0x10", "s９", "s1234567", ""]) {
      const [item] = ok(signed(`v1,,clam-shell.${part}`)).items;
      assert.equal(dosageText(item), "As your clinician advised", part);
      assert.ok(item.problems.length > 0, part);
    }
  });

  test("a figure given twice is refused", () => {
    assert.match(reason(signed("v1,,clam-shell.s2.s3")), /twice/);
    assert.match(reason(signed("v1,,clam-shell.d2.w3")), /twice/);
  });

  test("invalid percent-encoding or UTF-8 is refused, not thrown", () => {
    for (const text of ["%", "%E", "%ZZ", "%E0%A4%A", "%C3%28", "%ED%A0%80", "%FF"]) {
      assert.match(reason(signed(`v1,${text},clam-shell`)), /title/, text);
      assert.match(reason(signed(`v1,,clam-shell.n${text}`)), /note/, text);
    }
  });

  test("prototype names are unknown exercises, not objects", () => {
    for (const name of ["__proto__", "constructor", "tostring", "hasownproperty", "prototype"]) {
      const decoded = decode(signed(`v1,,${name}`), guide);
      if (name === "__proto__") {
        // Not a slug at all (underscores): the link is damaged.
        assert.equal(decoded.status, "damaged");
        continue;
      }
      assert.equal(decoded.status, "ok", name);
      if (decoded.status !== "ok") continue;
      assert.equal(typeof decoded.items[0].slug, "string");
      assert.equal(decoded.items[0].slug, name);
      assert.equal(decoded.items[0].known, false);
    }
    const hostile = { slugs: new Set(["a"]), formerSlugs: new Map(Object.entries(JSON.parse('{"__proto__": "a"}'))) };
    const decoded = decode(signed("v1,,constructor"), hostile);
    assert.equal(decoded.status === "ok" && decoded.items[0].slug, "constructor");
  });

  test("an exercise that left the guide is echoed shortened, and the rest still shows", () => {
    const long = `gone-${"x".repeat(200)}`;
    const decoded = ok(signed(`v1,,clam-shell.s3,${long},quad-set.r10`));
    assert.deepEqual(
      decoded.items.map((item) => item.known),
      [true, false, true],
    );
    const [problem] = decoded.items[1].problems;
    assert.match(problem, /is not in the guide any more/);
    assert.ok(!problem.includes(long));
    assert.ok(problem.includes(shorten(long, ECHO_LENGTH)));
  });

  test("names that are not slugs are refused", () => {
    for (const name of ["Clam-shell", "clam_shell", "<b>x</b>", "clam--shell", "-clam", "%41", ""]) {
      assert.equal(decode(signed(`v1,,${name}`), guide).status, "damaged", name);
    }
  });
});

describe("formatting", () => {
  test("counts are singular for one", () => {
    assert.equal(count(1, "set"), "1 set");
    assert.equal(count(3, "set"), "3 sets");
    assert.equal(count(0, "set"), "0 sets");
  });

  test("the dosage in words", () => {
    assert.equal(dosageText({ slug: "x" }), "As your clinician advised");
    assert.equal(
      dosageText({ slug: "x", s: 1, r: 12, h: 1, times: 1, per: "week" }),
      "1 set, 12 repetitions, hold 1 second, once a week",
    );
    assert.equal(dosageText({ slug: "x", s: 3, times: 2 }), "3 sets, 2 times a day");
  });

  test("shorten cuts whole characters and marks the cut", () => {
    assert.equal(shorten("short", 10), "short");
    assert.equal(shorten("abcdefghijk", 5), "abcd…");
    assert.equal(shorten("😀😀😀😀😀😀", 3), "😀😀…");
  });
});

describe("each side, rest and load (added to v1 as optional fields)", () => {
  test("a link written before these fields decodes exactly as before", () => {
    const old = signed("v1,Week%201,clam-shell.s3.r12.d2.nSlowly,calf-stretch.s1.r3.h30.w2");
    assert.deepEqual(ok(old).items, [
      { slug: "clam-shell", known: true, problems: [], s: 3, r: 12, times: 2, per: "day", note: "Slowly" },
      { slug: "calf-stretch", known: true, problems: [], s: 1, r: 3, h: 30, times: 2, per: "week" },
    ]);
  });

  test("round trip", () => {
    const program = {
      title: "Strength",
      items: [
        {
          slug: "clam-shell",
          s: 3,
          r: 10,
          e: true,
          t: 60,
          l: "red band ~ 2.5 kg",
          times: 1,
          per: /** @type {const} */ ("day"),
        },
      ],
    };
    const fragment = encode(program);
    assert.match(fragment, /^v1,Strength,clam-shell\.s3\.r10\.e1\.t60\.d1\.lred%20band%20%7E%202%2E5%20kg~/);
    const [item] = ok(fragment).items;
    assert.deepEqual(item, { ...program.items[0], known: true, problems: [] });
  });

  test("rest is held to the builder's range; an unknown each-side value is left out", () => {
    const [low, high] = LIMITS.t;
    assert.equal(ok(signed(`v1,,clam-shell.t${high}`)).items[0].t, high);
    const [tooLong] = ok(signed(`v1,,clam-shell.t${high + 1}`)).items;
    assert.equal(tooLong.t, undefined);
    assert.equal(tooLong.problems.length, 1);
    assert.equal(ok(signed(`v1,,clam-shell.t${low - 1}`)).items[0].t, undefined);
    const [side] = ok(signed("v1,,clam-shell.e2")).items;
    assert.equal(side.e, undefined);
    assert.equal(side.problems.length, 1);
    assert.match(reason(signed("v1,,clam-shell.e1.e1")), /twice/);
  });

  test("a load longer than the builder allows, or not UTF-8, damages the link", () => {
    assert.equal(ok(signed(`v1,,clam-shell.l${"a".repeat(LOAD_LENGTH)}`)).items[0].l, "a".repeat(LOAD_LENGTH));
    assert.match(reason(signed(`v1,,clam-shell.l${"a".repeat(LOAD_LENGTH + 1)}`)), /load is longer/);
    assert.match(reason(signed("v1,,clam-shell.l%FF")), /UTF-8/);
    assert.match(reason(signed("v1,,clam-shell.la.lb")), /twice/);
  });

  test("dosage in words", () => {
    assert.equal(dosageText({ slug: "x", s: 3, r: 10, e: true }), "3 sets, 10 repetitions on each side");
    assert.equal(dosageText({ slug: "x", s: 3, h: 20, e: true }), "3 sets, hold 20 seconds on each side");
    assert.equal(dosageText({ slug: "x", s: 2, e: true }), "2 sets, on each side");
    assert.equal(
      dosageText({ slug: "x", s: 3, r: 10, l: "red band", t: 60, times: 1, per: "day" }),
      "3 sets, 10 repetitions, load: \u2068red band\u2069, rest 60 seconds between sets, once a day",
    );
  });

  test("a load typed in a right-to-left script or with direction marks cannot reorder the dose", () => {
    const text = dosageText({ slug: "x", s: 2, l: "\u202Eabc", t: 30 });
    assert.equal(text, "2 sets, load: \u2068\u202Eabc\u2069, rest 30 seconds between sets");
  });
});
