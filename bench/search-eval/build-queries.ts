/**
 * Builds bench/search-eval/queries.json: a reproducible Arabic search test set
 * (known-item + topical queries) over the ANT multi-source news corpus.
 *
 *   node --import tsx bench/search-eval/build-queries.ts [path/to/arabic-news.ndjson.gz]
 *
 * Deliberately self-contained: nothing is imported from src/, so the set does not
 * mirror the analyzer it is meant to evaluate. The normalization below is only used
 * for counting (document frequencies, co-occurrence, topical relevance), never to
 * write the queries themselves.
 */
import { createReadStream, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// ---------------------------------------------------------------- config

const SEED = 0x4b484252; // "KHBR"
const KNOWN_PER_CATEGORY = 50; // x 6 categories = 300
const TOPICAL_TOTAL = 100;
const MAX_DF_SHARE = 0.02; // query words must be in <= 2% of documents ...
const LOANWORD_MAX_DF_SHARE = 0.1; // ... except words from the loanword-variant list
const KNOWN_MAX_MATCHES = 3; // docs containing all the chosen words (counting keys)
const TOPICAL_MIN = 3;
const TOPICAL_MAX = 30;

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const corpusPath = resolve(process.argv[2] ?? resolve(repoRoot, "..", "shared", "corpus", "arabic-news.ndjson.gz"));
const outPath = resolve(here, "queries.json");

// ---------------------------------------------------------------- PRNG

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const randInt = (n: number): number => Math.floor(rand() * n);
function pick<T>(xs: readonly T[]): T {
  if (xs.length === 0) throw new Error("pick from empty list");
  return xs[randInt(xs.length)] as T;
}
function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randInt(i + 1);
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}
function weighted<T>(items: readonly T[], weight: (x: T) => number): T {
  const total = items.reduce((s, x) => s + weight(x), 0);
  let r = rand() * total;
  for (const x of items) {
    r -= weight(x);
    if (r < 0) return x;
  }
  return items[items.length - 1] as T;
}

// ---------------------------------------------------------------- text

const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g; // harakat, superscript alef, tatweel
const TOKEN = /[\u0621-\u064A\u064B-\u065F\u0670\u0640\u0671]+|[0-9\u0660-\u0669\u06F0-\u06F9]+|[A-Za-z]+/g;
const ARABIC_WORD = /^[\u0621-\u064A\u0671]+$/;
const DIGITS = /^[0-9\u0660-\u0669\u06F0-\u06F9]+$/;

const toWesternDigits = (s: string): string =>
  s.replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660)).replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0));
const toIndicDigits = (s: string): string => s.replace(/[0-9]/g, (c) => String.fromCharCode(0x0660 + Number(c)));

/** Surface form as a reader would start from: no harakat, no tatweel. */
const plain = (s: string): string => s.replace(DIACRITICS, "");

/** Counting normalization (aggressive, orthographic only). */
function norm(s: string): string {
  return toWesternDigits(plain(s))
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .toLowerCase();
}

/** Light normalization used to check that a transformed word is attested in the corpus. */
const light = (s: string): string => plain(s).replace(/[أإآٱ]/g, "ا").replace(/ى$/, "ي");

const tokens = (s: string): string[] => s.match(TOKEN) ?? [];

const STOP = new Set(
  `في من على إلى الى عن أن ان إن مع هذا هذه هذان هؤلاء ذلك تلك التي الذي الذين اللذين اللتين اللواتي كان كانت يكون تكون قال قالت يقول تقول
   بعد قبل بين حتى ما لا لم لن قد كل ثم أو او و هو هي هم هن نحن أنا انت أنت عند عندما لدى منذ خلال حول ضد عبر نحو دون غير سوى
   أي أيضا ايضا إذا اذا لكن لكن ولكن بل أم إلا الا فقط كما مثل وفق وفقا حيث حين بينما أمام امام وراء تحت فوق لدى لها له لهم بها به بهم
   فيها فيه منها منه عليها عليه إليها اليها إليه اليه عنها عنه التى الذى انه إنه أنها انها إنها كيف لماذا متى أين هل ليس ليست كانوا
   يمكن تم وقد ومن وفي وعلى وأن وان الله اليوم أمس غدا عام العام سنة يوم أكثر اكثر أقل اقل بعض جميع أول اول الأول الاول الأولى الاولى
   آخر اخر أخرى اخرى أحد احد إحدى احدى عدد عدة أنه لأن لان بأن بان ذات سوف ماذا هكذا إليك إليكم تعرف تعرفوا شاهد شاهدوا
   بالفيديو فيديو بالصور صور عاجل أبرز أهم تفاصيل بالتفاصيل حصري رسميا خاص لحظة لحظات
   أنتم انتم أنتن إننا اننا إنني انني لنا لكم لكن لديه لديها`
    .split(/\s+/)
    .filter(Boolean)
    .map(norm),
);

/** Generic headline words that make poor topics (topical pairs only). */
const GENERIC = new Set(
  `يكشف تكشف يعلن تعلن أعلن اعلن جديد جديدة الجديد الجديدة بسبب رغم أكبر اكبر مليون مليار دولار رئيس الرئيس يؤكد تؤكد
   يطالب تطالب يبحث تبحث بشأن شأن مصدر مصادر بعدما الثاني الثانية ثاني أمام مقابل أجل اجل وسط لأول لاول مرة المرة
   عشرات العشرات بالكامل كامل قياسي قياسيا قياسية الكبير الكبرى كبير كبيرة`
    .split(/\s+/)
    .filter(Boolean)
    .map(norm),
);

/** Loanword / proper-name spelling variants seen in Arabic news and typed by readers. */
const LOANWORDS: ReadonlyArray<readonly [string, string]> = [
  ["أميرك", "أمريك"],
  ["أمريك", "أميرك"],
  ["إسرائيل", "اسرائيل"],
  ["ترامب", "ترمب"],
  ["ترمب", "ترامب"],
  ["روسيا", "روسيه"],
  ["فيسبوك", "فيس بوك"],
  ["فيس بوك", "فيسبوك"],
  ["غوغل", "جوجل"],
  ["جوجل", "غوغل"],
  ["إنستغرام", "انستجرام"],
  ["أردوغان", "أردوجان"],
  ["نتنياهو", "نتانياهو"],
  ["أوروبا", "أوربا"],
  ["أوروبي", "أوربي"],
  ["سوريا", "سورية"],
  ["واتساب", "واتس اب"],
  ["يوتيوب", "يو تيوب"],
  ["تشيلسي", "تشلسي"],
  ["مانشستر", "مانشيستر"],
  ["يونايتد", "يونيتد"],
  ["جيرمان", "جرمان"],
  ["كريستيانو", "كرستيانو"],
  ["سامسونغ", "سامسونج"],
  ["هواوي", "هواواي"],
  ["مايكروسوفت", "ميكروسوفت"],
  ["ديمقراطي", "ديموقراطي"],
  ["بيتكوين", "بتكوين"],
  ["تلفزيون", "تليفزيون"],
  ["أولمبي", "أوليمبي"],
  ["بنزيمة", "بنزيما"],
  ["بوغبا", "بوجبا"],
  ["غريزمان", "جريزمان"],
  ["غوارديولا", "جوارديولا"],
  ["مورينيو", "مورينهو"],
  ["بريكست", "بريكسيت"],
  ["كيم جونغ", "كيم جونج"],
  ["فنزويلا", "فينزويلا"],
  ["تيليغرام", "تليجرام"],
  ["إنترنت", "انترنيت"],
  ["الإنترنت", "الانترنيت"],
  ["تكنولوجيا", "تكنولوجيه"],
  ["كوريا", "كوريه"],
];
const loanwordHit = (w: string): boolean => LOANWORDS.some(([a]) => light(w).includes(light(a)));

// ---------------------------------------------------------------- corpus

interface Doc {
  id: string;
  title: string;
  body: string;
  category: string;
  source: string;
}

async function readCorpus(path: string): Promise<Doc[]> {
  const rl = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  const docs: Doc[] = [];
  for await (const line of rl) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as Doc;
    docs.push({ id: d.id, title: d.title, body: d.body, category: d.category, source: d.source });
  }
  docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return docs;
}

function main(docs: Doc[]): void {
  const N = docs.length;
  const ids = new Set(docs.map((d) => d.id));

  // Pass 1: document frequencies of norm() forms and light() forms.
  const dfNorm = new Map<string, number>();
  const dfLight = new Map<string, number>();
  const docTokens: string[][] = [];
  const vocalized = new Map<string, Map<string, number>>(); // plain form -> forms with harakat as printed
  for (const d of docs) {
    const toks = tokens(d.title + " \n " + d.body);
    docTokens.push(toks);
    const seenN = new Set<string>();
    const seenL = new Set<string>();
    for (const t of toks) {
      seenN.add(norm(t));
      seenL.add(light(t));
      if (/[\u064B-\u0652]/.test(t)) {
        const p = plain(t);
        const m = vocalized.get(p) ?? new Map<string, number>();
        m.set(t.replace(/\u0640/g, ""), (m.get(t.replace(/\u0640/g, "")) ?? 0) + 1);
        vocalized.set(p, m);
      }
    }
    for (const k of seenN) dfNorm.set(k, (dfNorm.get(k) ?? 0) + 1);
    for (const k of seenL) dfLight.set(k, (dfLight.get(k) ?? 0) + 1);
  }
  const dfN = (k: string): number => dfNorm.get(k) ?? 0;
  const attested = (w: string, min = 3): boolean => (dfLight.get(light(w)) ?? 0) >= min;
  const dfL = (w: string): number => dfLight.get(light(w)) ?? 0;
  /** Imperfect verbs (yaf'al/taf'al/naf'al/af'al): the same word with another person prefix is attested. */
  const verbLike = (w: string): boolean => {
    const p = plain(w).replace(/^[وف]/, "");
    const m = /^(س?)([يتنأ])(.{2,})$/.exec(p);
    if (!m) return false;
    if (m[2] === "أ") return attested(m[1] + "ي" + m[3], 5) && attested(m[1] + "ت" + m[3], 5); // أعشق: يعشق + تعشق
    return ["ي", "ت", "ن"].filter((x) => x !== m[2]).some((x) => attested(m[1] + x + m[3], 5));
  };

  /** Counting key: norm() plus DF-guarded stripping of proclitics (و ف ب ك ل, لل→ال). */
  const keyCache = new Map<string, string>();
  const key = (t: string): string => {
    const n0 = norm(t);
    const cached = keyCache.get(n0);
    if (cached !== undefined) return cached;
    let k = n0;
    for (let step = 0; step < 3; step++) {
      let next: string | undefined;
      if (k.startsWith("لل") && k.length >= 5) next = "ال" + k.slice(2);
      else if (/^[وفبكل]/.test(k) && k.length >= 4) next = k.slice(1);
      if (next === undefined || dfN(next) <= dfN(k)) break;
      k = next;
    }
    keyCache.set(n0, k);
    return k;
  };

  // Pass 2: postings by key (title+body) and title key sets.
  const postings = new Map<string, number[]>();
  const titleKeys: Set<string>[] = [];
  docs.forEach((d, i) => {
    const seen = new Set<string>();
    for (const t of docTokens[i] ?? []) seen.add(key(t));
    for (const k of seen) {
      let p = postings.get(k);
      if (!p) postings.set(k, (p = []));
      p.push(i);
    }
    titleKeys.push(new Set(tokens(d.title).map(key)));
  });
  docTokens.length = 0;
  const df = (k: string): number => postings.get(k)?.length ?? 0;
  const matchAll = (keys: string[]): number[] => {
    const lists = keys.map((k) => postings.get(k) ?? []).sort((a, b) => a.length - b.length);
    let cur = lists[0] ?? [];
    for (const l of lists.slice(1)) {
      const s = new Set(l);
      cur = cur.filter((x) => s.has(x));
    }
    return cur;
  };

  const byTitle = new Map<string, string[]>();
  for (const d of docs) {
    const t = d.title.trim();
    byTitle.set(t, [...(byTitle.get(t) ?? []), d.id]);
  }

  // ------------------------------------------------------------ transformations

  type Kind =
    | "hamza"
    | "ta-marbuta"
    | "alef-maqsura"
    | "article"
    | "clitic"
    | "plural-singular"
    | "nisba"
    | "possessive"
    | "dual"
    | "diacritics-tatweel"
    | "digits"
    | "loanword";
  const WEIGHTS: Record<Kind, number> = {
    hamza: 22,
    "ta-marbuta": 12,
    "alef-maqsura": 7,
    article: 10,
    clitic: 12,
    "plural-singular": 9,
    nisba: 6,
    possessive: 5,
    dual: 4,
    "diacritics-tatweel": 1,
    digits: 30,
    loanword: 30,
  };
  const KINDS = Object.keys(WEIGHTS) as Kind[];
  const ORTHO_KINDS = new Set<Kind>(["hamza", "ta-marbuta", "alef-maqsura", "diacritics-tatweel", "loanword"]);
  const SUFFIX_KINDS = new Set<Kind>(["plural-singular", "nisba", "possessive", "dual"]);
  interface Option {
    out: string;
    label: string;
  }
  const NON_CONNECTING = new Set([..."ادذرزوةىءأإآؤ"]);
  const DUAL_BLACKLIST = new Set(["لبنان", "السودان", "سودان", "عمان", "اليابان", "البرلمان", "الإنسان", "الانسان", "إيران", "ايران"].map(light));
  const HYPER = /^(ال|وال|بال)?ا(ست|نت|نق|نخ|نس|نط|نف|خت|قت|عت|جت|حت|رت|كت|شت|فت|مت|هت|تف|تح|تص|تخ|صط|ضط|طل|زد|دع)/;

  const transforms: Record<Kind, (w: string) => Option[]> = {
    hamza(w) {
      const o: Option[] = [];
      if (/[أإآ]/.test(w)) o.push({ out: w.replace(/[أإآ]/g, "ا"), label: "أإآ→ا" });
      if (w.includes("ؤ")) {
        const to = rand() < 0.5 ? "و" : "ء";
        o.push({ out: w.replace(/ؤ/g, to), label: `ؤ→${to}` });
      }
      if (w.includes("ئ")) o.push({ out: w.replace(/ئ$/, "ى").replace(/ئ/g, "ي"), label: "ئ→ي/ى" });
      if (w.length >= 4 && w.endsWith("ء")) o.push({ out: w.slice(0, -1), label: "final ء dropped" });
      const m = HYPER.exec(w);
      if (m && !/[أإآ]/.test(w)) {
        const p = (m[1] ?? "").length;
        o.push({ out: w.slice(0, p) + "إ" + w.slice(p + 1), label: "ا→إ (hypercorrect)" });
      }
      return o;
    },
    "ta-marbuta"(w) {
      if (w.endsWith("ة")) return [{ out: w.slice(0, -1) + "ه", label: "ة→ه" }];
      if (w.endsWith("ه") && attested(w.slice(0, -1) + "ة")) return [{ out: w.slice(0, -1) + "ة", label: "ه→ة" }];
      return [];
    },
    "alef-maqsura"(w) {
      if (w.length >= 3 && w.endsWith("ى")) return [{ out: w.slice(0, -1) + "ي", label: "ى→ي" }];
      if (w.length >= 3 && w.endsWith("ي")) return [{ out: w.slice(0, -1) + "ى", label: "ي→ى" }];
      return [];
    },
    article(w) {
      if (w.startsWith("ال") && w.length >= 5 && attested(w.slice(2), 5)) return [{ out: w.slice(2), label: "ال dropped" }];
      // Only where the defined form is usual for that word (not "العادل" for the name عادل).
      if (!w.startsWith("ال") && !/^[وفبل]ال/.test(w) && !verbLike(w) && attested("ال" + w, 5) && dfL("ال" + w) >= 0.5 * dfL(w))
        return [{ out: "ال" + w, label: "ال added" }];
      return [];
    },
    clitic(w) {
      const o: Option[] = [];
      if (w.startsWith("لل") && attested("ال" + w.slice(2)) && dfL("ال" + w.slice(2)) > dfL(w))
        o.push({ out: "ال" + w.slice(2), label: `${w.slice(0, 1)} dropped` });
      else if (/^[وبلف]/.test(w) && w.length >= 4 && attested(w.slice(1)) && dfL(w.slice(1)) > dfL(w))
        o.push({ out: w.slice(1), label: `${w.slice(0, 1)} dropped` });
      if ((!/^[وبلف]/.test(w) || !attested(w.slice(1))) && !verbLike(w)) {
        // Readers carry a preposition over from the phrase they remember (بالعراق, للرئيس) onto nouns; و and ف are only dropped.
        const adds = (w.startsWith("ال") ? ["ب" + w, "لل" + w.slice(2)] : ["ب" + w, "ل" + w]).filter((x) => attested(x, 5));
        if (adds.length) {
          const x = pick(adds);
          o.push({ out: x, label: `${x.startsWith("لل") ? "ل" : x.slice(0, 1)} added` });
        }
      }
      return o;
    },
    "plural-singular"(w) {
      const c: Option[] = [];
      if (w.length >= 6 && /(ون|ين)$/.test(w)) c.push({ out: w.slice(0, -2), label: "pl→sg" });
      if (w.length >= 5 && w.endsWith("ات")) {
        c.push({ out: w.slice(0, -2) + "ة", label: "pl→sg" });
        c.push({ out: w.slice(0, -2), label: "pl→sg" });
      }
      if (w.endsWith("ة")) c.push({ out: w.slice(0, -1) + "ات", label: "sg→pl" });
      else if (!/(ون|ين|ات|ان)$/.test(w) && w.length >= 4)
        for (const s of ["ون", "ين", "ات"]) c.push({ out: w + s, label: "sg→pl" });
      // The other number must be a common form of the same word, not an unrelated look-alike (معرض ≠ معرضون).
      return c.filter((x) => attested(x.out) && dfL(x.out) >= 0.1 * dfL(w));
    },
    nisba(w) {
      if (w.length >= 5 && w.endsWith("ية") && attested(w.slice(0, -1))) return [{ out: w.slice(0, -1), label: "ية→ي" }];
      if (w.length >= 4 && w.endsWith("ي") && attested(w + "ة")) return [{ out: w + "ة", label: "ي→ية" }];
      return [];
    },
    possessive(w) {
      const c: Option[] = [];
      for (const [suf, rep] of [
        ["تها", "ة"],
        ["تهم", "ة"],
        ["ته", "ة"],
        ["ها", ""],
        ["هم", ""],
        ["ه", ""],
      ] as const) {
        if (w.endsWith(suf) && w.length - suf.length >= 3) {
          const out = w.slice(0, -suf.length) + rep;
          if (attested(out, 5) && dfL(out) > dfL(w)) c.push({ out, label: `ـ${suf} dropped` });
          break;
        }
      }
      return c;
    },
    dual(w) {
      if (DUAL_BLACKLIST.has(light(w)) || w.length < 5) return [];
      let out: string | undefined;
      if (/(تان|تين)$/.test(w)) out = w.slice(0, -3) + "ة";
      else if (w.endsWith("ان")) out = w.slice(0, -2);
      if (out && attested(out, 5) && dfL(out) >= 2 * dfL(w)) return [{ out, label: "dual→sg" }];
      return [];
    },
    "diacritics-tatweel"(w) {
      if (!ARABIC_WORD.test(w) || w.length < 4) return [];
      const chars = [...w];
      // A vocalization printed in the corpus (e.g. قياسياً, تحدٍّ) is what a reader copies; otherwise tatweel.
      const voc = [...(vocalized.get(w)?.entries() ?? [])].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (voc.length && rand() < 0.7) return [{ out: (voc[0] as [string, number])[0], label: "harakat as printed" }];
      const joinAt: number[] = [];
      for (let i = 1; i < chars.length - 2; i++) if (!NON_CONNECTING.has(chars[i] as string) && chars[i + 1] !== "ا") joinAt.push(i);
      if (!joinAt.length) return [];
      const i = pick(joinAt);
      return [{ out: chars.slice(0, i + 1).join("") + "ـ" + chars.slice(i + 1).join(""), label: "tatweel" }];
    },
    digits(w) {
      if (!DIGITS.test(w)) return [];
      if (/[0-9]/.test(w)) return [{ out: toIndicDigits(w), label: "0-9→٠-٩" }];
      return [{ out: toWesternDigits(w), label: "٠-٩→0-9" }];
    },
    loanword(w) {
      for (const [a, b] of LOANWORDS) {
        if (w.includes(a)) return [{ out: w.replace(a, b), label: `${a}→${b}` }];
      }
      return [];
    },
  };

  interface Applied {
    kind: Kind;
    from: string;
    to: string;
    label: string;
  }
  /** Apply 1–3 random reader transformations (fewer when fewer apply). */
  function transform(words: string[], nWanted: number, forceClitic: boolean): { words: string[]; applied: Applied[] } {
    const w = [...words];
    const perWord = w.map(() => 0);
    const wordKinds = w.map(() => new Set<Kind>());
    const used = new Set<Kind>();
    const applied: Applied[] = [];
    const apply = (kind: Kind, i: number, opt: Option): void => {
      applied.push({ kind, from: w[i] as string, to: opt.out, label: opt.label });
      w[i] = opt.out;
      perWord[i] = (perWord[i] ?? 0) + 1;
      wordKinds[i]?.add(kind);
      used.add(kind);
    };
    if (forceClitic) {
      const i = w.findIndex((x) => /^و/.test(x) && transforms.clitic(x).some((o) => o.label === "و dropped"));
      const opt = i >= 0 ? transforms.clitic(w[i] as string).find((o) => o.label === "و dropped") : undefined;
      if (opt) apply("clitic", i, opt);
    }
    while (applied.length < nWanted) {
      const avail = new Map<Kind, Array<[number, Option]>>();
      for (const kind of KINDS) {
        if (used.has(kind)) continue;
        if (kind === "diacritics-tatweel" && rand() > 0.35) continue; // occasional only: always applicable otherwise
        const opts: Array<[number, Option]> = [];
        w.forEach((x, i) => {
          if ((perWord[i] ?? 0) >= 2) return;
          // Suffix morphology applies to the word as spelled in the paper, not to an already-misspelled one.
          if (SUFFIX_KINDS.has(kind) && [...(wordKinds[i] ?? [])].some((k) => ORTHO_KINDS.has(k))) return;
          if (SUFFIX_KINDS.has(kind) && verbLike(x)) return; // noun/adjective inflection only
          for (const o of transforms[kind](x)) if (o.out !== x) opts.push([i, o]);
        });
        if (opts.length) avail.set(kind, opts);
      }
      if (!avail.size) break;
      const kind = weighted([...avail.keys()], (k) => WEIGHTS[k]);
      const [i, opt] = pick(avail.get(kind) ?? []);
      apply(kind, i, opt);
    }
    return { words: w.join(" ").split(" "), applied };
  }
  const nTransforms = (): number => weighted([1, 2, 3], (n) => [0, 0.45, 0.35, 0.2][n] ?? 0);
  const describe = (a: Applied[]): string => a.map((x) => `${x.kind}: ${x.from}→${x.to}`).join("; ");

  // ------------------------------------------------------------ queries

  interface Query {
    id: string;
    kind: "known-item" | "topical";
    query: string;
    relevant: string[];
    how: string;
  }
  interface Meta {
    category: string;
    source: string;
    fromBody: boolean;
    applied: Applied[];
    words: string[];
  }
  const queries: Query[] = [];
  const meta: Meta[] = [];
  const seenQueries = new Set<string>();
  const seenNormQueries = new Set<string>();
  const usedTitles = new Set<string>();
  const queryKey = (q: string): string => tokens(q).map(key).sort().join(" ");

  const maxDf = Math.floor(N * MAX_DF_SHARE);
  const maxDfLoan = Math.floor(N * LOANWORD_MAX_DF_SHARE);
  interface Cand {
    surface: string;
    key: string;
    df: number;
    pos: number;
    loan: boolean;
    num: boolean;
  }
  const candidates = (text: string, limit: number): Cand[] => {
    const out: Cand[] = [];
    const seen = new Set<string>();
    tokens(text).forEach((t, pos) => {
      const surface = plain(t);
      const k = key(surface);
      if (seen.has(k)) return;
      const num = DIGITS.test(surface);
      const loan = !num && loanwordHit(surface);
      if (!num && !ARABIC_WORD.test(surface)) return; // Latin-script words are skipped
      if (!num && (k.length < 3 || STOP.has(k) || STOP.has(norm(surface)))) return;
      if (num && (surface.length < 2 || /^(19|20)\d\d$/.test(toWesternDigits(surface)))) return; // no bare years
      const d = df(k);
      if (d > (loan ? maxDfLoan : num ? maxDfLoan / 2 : limit)) return;
      seen.add(k);
      out.push({ surface, key: k, df: d, pos, loan, num });
    });
    return out;
  };

  // Known-item: 50 per category, split over sources proportional to sqrt(size).
  const categories = [...new Set(docs.map((d) => d.category))].sort();
  const sources = [...new Set(docs.map((d) => d.source))].sort();
  let kCount = 0;
  for (const cat of categories) {
    const cells = sources
      .map((src) => ({ src, docs: docs.map((d, i) => [d, i] as const).filter(([d]) => d.category === cat && d.source === src) }))
      .filter((c) => c.docs.length > 0);
    const w = cells.map((c) => Math.sqrt(c.docs.length));
    const tot = w.reduce((a, b) => a + b, 0);
    const quota = w.map((x) => Math.floor((x / tot) * KNOWN_PER_CATEGORY));
    const rem = w.map((x, i) => [(x / tot) * KNOWN_PER_CATEGORY - (quota[i] ?? 0), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let r = 0; quota.reduce((a, b) => a + b, 0) < KNOWN_PER_CATEGORY; r++) {
      const i = (rem[r % rem.length] as readonly [number, number])[1];
      quota[i] = (quota[i] ?? 0) + 1;
    }
    cells.forEach((cell, ci) => {
      let made = 0;
      for (const [d, di] of shuffle([...cell.docs])) {
        if (made >= (quota[ci] ?? 0)) break;
        const title = d.title.trim();
        if (usedTitles.has(title)) continue;
        const tc = candidates(title, maxDf);
        const words = tc.filter((c) => !c.num && !c.loan);
        if (words.length < 2 || words.every((c) => verbLike(c.surface))) continue;
        const k = weighted([2, 3, 4], (n) => [0, 0, 0.45, 0.4, 0.15][n] ?? 0);
        // Most distinctive title words first (ties: position), choose k among the top k+1.
        // Readers remember names and nouns better than verbs: imperfect verbs rank as if 10x more frequent.
        const score = (c: Cand): number => c.df * (verbLike(c.surface) ? 10 : 1);
        const ranked = [...words].sort((a, b) => score(a) - score(b) || a.pos - b.pos);
        let chosen = shuffle(ranked.slice(0, Math.min(ranked.length, k + 1))).slice(0, Math.min(k, ranked.length));
        const swapIn = (c: Cand): void => {
          chosen.sort((a, b) => a.df - b.df);
          if (chosen.length >= 4 || (chosen.length >= 2 && rand() < 0.5)) chosen[chosen.length - 1] = c;
          else chosen.push(c);
        };
        const loans = tc.filter((c) => c.loan && !chosen.some((x) => x.key === c.key));
        const nums = tc.filter((c) => c.num);
        if (loans.length && rand() < 0.8) swapIn(pick(loans));
        if (nums.length && rand() < 0.7) swapIn(pick(nums));
        chosen.sort((a, b) => a.pos - b.pos);
        let fromBody = false;
        if (rand() < 0.2) {
          const lead = d.body.split("\n").slice(0, 2).join(" ");
          const bc = candidates(lead, Math.floor(N * 0.01)).filter(
            (c) => !c.num && c.df >= 2 && !titleKeys[di]?.has(c.key) && !chosen.some((x) => x.key === c.key),
          );
          if (bc.length) {
            const b = pick([...bc].sort((a, b) => a.df - b.df || a.pos - b.pos).slice(0, 5));
            if (chosen.length >= 3) chosen = chosen.slice(0, chosen.length - 1);
            chosen.push({ ...b, pos: 1e9 });
            fromBody = true;
          }
        }
        // Add words until the combination (nearly) singles the article out.
        let matches = matchAll(chosen.map((c) => c.key));
        const spare = ranked.filter((c) => !chosen.some((x) => x.key === c.key));
        while (matches.length > KNOWN_MAX_MATCHES && chosen.length < 4 && spare.length) {
          const c = spare.shift() as Cand;
          chosen.push(c);
          chosen.sort((a, b) => a.pos - b.pos);
          matches = matchAll(chosen.map((x) => x.key));
        }
        if (matches.length > KNOWN_MAX_MATCHES || !matches.includes(di)) continue;
        if (chosen.every((c) => c.num || verbLike(c.surface))) continue;
        const base = chosen.map((c) => c.surface);
        const forceClitic = rand() < 0.7;
        const { words: qw, applied } = transform(base, nTransforms(), forceClitic);
        if (!applied.length) continue;
        const q = qw.join(" ");
        if (seenQueries.has(q) || seenNormQueries.has(queryKey(q))) continue;
        seenQueries.add(q);
        seenNormQueries.add(queryKey(q));
        usedTitles.add(title);
        const relevant = [...(byTitle.get(title) ?? [d.id])].sort();
        const src = fromBody ? `title+body words «${base.join(" ")}»` : `title words «${base.join(" ")}»`;
        queries.push({
          id: `k${String(++kCount).padStart(3, "0")}`,
          kind: "known-item",
          query: q,
          relevant,
          how: `${src}; ${describe(applied)}`,
        });
        meta.push({ category: d.category, source: d.source, fromBody, applied, words: base });
        made++;
      }
      if (made < (quota[ci] ?? 0)) console.warn(`warning: only ${made}/${quota[ci]} known-item queries for ${cat}/${cell.src}`);
    });
  }

  // Topical: pairs of title words co-occurring in 3–30 titles.
  const titleDf = new Map<string, number>();
  for (const s of titleKeys) for (const k of s) titleDf.set(k, (titleDf.get(k) ?? 0) + 1);
  const topicalOk = (k: string): boolean =>
    ARABIC_WORD.test(k) &&
    k.length >= 3 &&
    !STOP.has(k) &&
    !GENERIC.has(k) &&
    !verbLike(k) &&
    df(k) <= N * LOANWORD_MAX_DF_SHARE &&
    (titleDf.get(k) ?? 0) >= TOPICAL_MIN;
  const pairCount = new Map<string, number>();
  for (const s of titleKeys) {
    const ks = [...s].filter(topicalOk).sort();
    for (let a = 0; a < ks.length; a++)
      for (let b = a + 1; b < ks.length; b++) {
        const p = `${ks[a]}|${ks[b]}`;
        pairCount.set(p, (pairCount.get(p) ?? 0) + 1);
      }
  }
  interface Pair {
    a: string;
    b: string;
    docs: number[];
    cat: string;
  }
  const pairs: Pair[] = [];
  for (const [p, c] of [...pairCount.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (c < TOPICAL_MIN || c > TOPICAL_MAX) continue;
    const [a, b] = p.split("|") as [string, string];
    const ta = titleDf.get(a) ?? 0;
    const tb = titleDf.get(b) ?? 0;
    if (ta < c + 2 || tb < c + 2) continue; // both words needed: neither alone defines the set
    if (Math.min(df(a), df(b)) > maxDf) continue; // at least one distinctive word
    const ds = titleKeys.flatMap((s, i) => (s.has(a) && s.has(b) ? [i] : []));
    if (new Set(ds.map((i) => docs[i]?.title.trim())).size < TOPICAL_MIN) continue;
    const cc = new Map<string, number>();
    for (const i of ds) cc.set(docs[i]?.category ?? "", (cc.get(docs[i]?.category ?? "") ?? 0) + 1);
    const cat = [...cc.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? "";
    pairs.push({ a, b, docs: ds, cat });
  }
  const byCat = new Map<string, Pair[]>();
  for (const p of pairs) byCat.set(p.cat, [...(byCat.get(p.cat) ?? []), p]);
  // Weighted random order (Efraimidis–Spirakis) favouring larger relevant sets over the many 3-article pairs.
  for (const [c, l] of byCat) {
    const keyed = l.map((p) => [Math.pow(rand(), 1 / (p.docs.length - 2)), p] as const);
    byCat.set(c, keyed.sort((x, y) => y[0] - x[0]).map(([, p]) => p));
  }
  const wordUse = new Map<string, number>();
  // Crude stem, only to avoid near-identical topics (إسرائيلي غزة / إسرائيلية غزة).
  const crude = (k: string): string => k.replace(/^ال/, "").replace(/(يه|ي|ه|ات|ون|ين)$/, "");
  const topicSigs = new Set<string>();
  const chosenSets: Set<number>[] = [];
  let tCount = 0;
  const surfaceOf = (k: string, ds: number[]): string => {
    const counts = new Map<string, number>();
    for (const i of ds)
      for (const t of tokens(docs[i]?.title ?? "")) {
        const s = plain(t);
        if (key(s) === k) counts.set(s, (counts.get(s) ?? 0) + (norm(s) === k ? 10 : 1));
      }
    return [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? k;
  };
  const firstPos = (k: string, i: number): number => tokens(docs[i]?.title ?? "").findIndex((t) => key(t) === k);
  for (let round = 0; tCount < TOPICAL_TOTAL && round < 10000; round++) {
    const cat = categories[round % categories.length] as string;
    const list = byCat.get(cat);
    const p = list?.shift();
    if (!p) {
      if ([...byCat.values()].every((l) => l.length === 0)) break;
      continue;
    }
    if ((wordUse.get(p.a) ?? 0) >= 2 || (wordUse.get(p.b) ?? 0) >= 2) continue;
    const sig = [crude(p.a), crude(p.b)].sort().join("|");
    if (topicSigs.has(sig)) continue;
    const set = new Set(p.docs);
    if (chosenSets.some((s) => [...s].filter((x) => set.has(x)).length / new Set([...s, ...set]).size >= 0.5)) continue;
    // Word order: as most often seen in the titles.
    const aFirst = p.docs.filter((i) => firstPos(p.a, i) < firstPos(p.b, i)).length * 2 >= p.docs.length;
    const base = aFirst ? [surfaceOf(p.a, p.docs), surfaceOf(p.b, p.docs)] : [surfaceOf(p.b, p.docs), surfaceOf(p.a, p.docs)];
    const { words: qw, applied } = transform(base, weighted([1, 2], (n) => (n === 1 ? 0.6 : 0.4)), rand() < 0.7);
    if (!applied.length) continue;
    const q = qw.join(" ");
    if (seenQueries.has(q) || seenNormQueries.has(queryKey(q))) continue;
    seenQueries.add(q);
    seenNormQueries.add(queryKey(q));
    wordUse.set(p.a, (wordUse.get(p.a) ?? 0) + 1);
    wordUse.set(p.b, (wordUse.get(p.b) ?? 0) + 1);
    chosenSets.push(set);
    topicSigs.add(sig);
    queries.push({
      id: `t${String(++tCount).padStart(3, "0")}`,
      kind: "topical",
      query: q,
      relevant: p.docs.map((i) => docs[i]?.id as string).sort(),
      how: `titles whose counting keys include «${p.a}» and «${p.b}»; words «${base.join(" ")}»; ${describe(applied)}`,
    });
    meta.push({ category: p.cat, source: "", fromBody: false, applied, words: base });
  }

  // ------------------------------------------------------------ self-check + summary

  const problems: string[] = [];
  const qs = new Set<string>();
  for (const q of queries) {
    for (const r of q.relevant) if (!ids.has(r)) problems.push(`${q.id}: unknown relevant id ${r}`);
    if (qs.has(q.query)) problems.push(`${q.id}: duplicate query string "${q.query}"`);
    qs.add(q.query);
    const n = q.query.split(" ").length;
    if (n < 2 || n > 5) problems.push(`${q.id}: ${n} words`);
    if (!q.relevant.length) problems.push(`${q.id}: no relevant ids`);
  }
  const json = "[\n" + queries.map((q) => "  " + JSON.stringify(q)).join(",\n") + "\n]\n";
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exitCode = 1;
  }
  writeFileSync(outPath, json);

  const table = (title: string, rows: Array<[string, ...Array<string | number>]>, head: string[]): void => {
    console.log(`\n${title}`);
    const all = [head, ...rows.map((r) => r.map(String))];
    const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
    for (const r of all) console.log("  " + r.map((x, c) => (c === 0 ? x.padEnd(widths[c] ?? 0) : x.padStart(widths[c] ?? 0))).join("  "));
  };
  const ki = queries.map((q, i) => [q, meta[i] as Meta] as const);
  const known = ki.filter(([q]) => q.kind === "known-item");
  const topical = ki.filter(([q]) => q.kind === "topical");
  console.log(`corpus: ${N} docs; wrote ${queries.length} queries (${(json.length / 1024).toFixed(0)} KiB chars) to ${outPath}`);
  console.log(`self-check: ${problems.length ? problems.length + " problem(s)" : "OK (all relevant ids exist, query strings unique)"}`);
  table(
    "per kind",
    [
      ["known-item", known.length, known.filter(([, m]) => m.fromBody).length, known.filter(([q]) => q.relevant.length > 1).length, +(known.reduce((s, [q]) => s + q.relevant.length, 0) / known.length).toFixed(2)],
      ["topical", topical.length, 0, topical.length, +(topical.reduce((s, [q]) => s + q.relevant.length, 0) / topical.length).toFixed(2)],
    ],
    ["kind", "queries", "body word", "|rel|>1", "mean |rel|"],
  );
  table(
    "transformations (occurrences)",
    KINDS.map((k) => [
      k,
      known.reduce((s, [, m]) => s + m.applied.filter((a) => a.kind === k).length, 0),
      topical.reduce((s, [, m]) => s + m.applied.filter((a) => a.kind === k).length, 0),
    ]),
    ["kind", "known-item", "topical"],
  );
  table(
    "transformations per query",
    [1, 2, 3].map((n) => [String(n), known.filter(([, m]) => m.applied.length === n).length, topical.filter(([, m]) => m.applied.length === n).length]),
    ["n", "known-item", "topical"],
  );
  table(
    "query length (words)",
    [2, 3, 4, 5].map((n) => [String(n), known.filter(([q]) => q.query.split(" ").length === n).length, topical.filter(([q]) => q.query.split(" ").length === n).length]),
    ["words", "known-item", "topical"],
  );
  table(
    "known-item by category x source",
    categories.map((c) => [c, ...sources.map((s) => known.filter(([, m]) => m.category === c && m.source === s).length)]),
    ["category", ...sources.map((s) => s.split(" ")[0] ?? s)],
  );
  table(
    "topical by dominant category; |rel| min/median/max",
    categories.map((c) => {
      const xs = topical.filter(([, m]) => m.category === c).map(([q]) => q.relevant.length).sort((a, b) => a - b);
      return [c, xs.length, xs[0] ?? "-", xs[Math.floor(xs.length / 2)] ?? "-", xs[xs.length - 1] ?? "-"];
    }),
    ["category", "queries", "min", "median", "max"],
  );
}

main(await readCorpus(corpusPath));
