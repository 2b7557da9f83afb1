// Deterministic corpus generator for `npm run bench`: synthetic case notes and support plans with
// a realistic density of problem phrases (about 15% of sentences). Seeded PRNG, no external data,
// every name and place made up.

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Jack', 'Amira', 'Mrs Patel', 'Mr Okafor', 'Lena', 'Tom', 'Ravi', 'Grace', 'Mr Byrne', 'Sofia', 'Kwame', 'Ellie', 'Mrs Nowak', 'Dan', 'Priya'];
const PLACES = ['the day centre', 'the library', 'the shop on the corner', 'the swimming pool', 'the park', 'the GP surgery', 'his sister\u2019s house', 'the allotment', 'the football ground', 'the caf\u00e9'];
const TIMES = ['10.30am', '2pm', '9.15am', 'lunchtime', 'the evening', '4.45pm'];

const CLEAN = [
  (n, p, t) => `Visited ${n} at home at ${t}; ${n} was in good spirits and talked about the weekend.`,
  (n, p) => `${n} told me they enjoy going to ${p} and would like to go more often.`,
  (n) => `${n} made a cup of tea for us both and showed me photographs of the family.`,
  (n, p) => `We agreed that a support worker will go with ${n} to ${p} on Thursdays.`,
  (n) => `${n} said the new medication makes them feel sleepy in the afternoons.`,
  (n) => `${n}'s daughter phoned to say the washing machine is fixed.`,
  (n, p, t) => `Phoned ${n} at ${t} to confirm the review meeting next week.`,
  (n) => `${n} is proud of the garden and grows tomatoes and beans every summer.`,
  (n) => `We talked about what a good day looks like, and ${n} said it starts with a slow breakfast.`,
  (n) => `${n} uses a wheelchair outdoors and a frame indoors, and would like a ramp at the back door.`,
  (n) => `The occupational therapist will visit on Monday to look at the bathroom with ${n}.`,
  (n) => `${n} has been saving up for a new coat and chose a blue one online.`,
  (n, p) => `${n} walked to ${p} with a friend and bought bread and milk.`,
  () => `The personal budget covers two visits a day and one afternoon out each week.`,
  (n) => `${n} explained that mornings are hard because of stiffness, so visits will start later.`,
  (n) => `${n} asked for information about local groups and we looked at three together.`,
  (n) => `${n} would like to learn to cook a curry and a support worker will help on Tuesdays.`,
  () => `Carer's Allowance claim was discussed and the form was completed together.`,
  (n) => `${n} found it difficult to sleep last week and said the heating was too high.`,
  (n) => `In case the bus is late, ${n} has a taxi number saved on the phone.`,
];

const PROBLEM = [
  (n) => `${n} refused personal care again this morning.`,
  (n) => `${n} is a service user who suffers from dementia.`,
  (n) => `${n} was non-compliant with medication over the weekend.`,
  (n) => `${n} is wheelchair-bound and needs a package of care.`,
  (n) => `${n} kicked off when staff tried to help with lunch.`,
  (n) => `Is swimming a need or a want for ${n}?`,
  (n) => `An extra \u00a330 a week for ${n}'s art class cannot be justified.`,
  (n) => `${n} is not allowed to go to the shop alone.`,
  (n) => `It was decided that ${n} will move to residential care.`,
  (n) => `${n} was signposted to the carers' centre for respite.`,
  (n) => `Staff feel ${n} is attention-seeking at night.`,
  (n) => `${n} is very challenging and manipulative with staff.`,
  (n) => `${n} lacks insight into the risks.`,
  (n) => `The cheapest option for ${n} is a care home placement.`,
  (n) => `${n} failed to engage with the reablement team.`,
];

function pick(r, arr) {
  return arr[Math.floor(r() * arr.length)];
}

function sentence(r, problemRate) {
  const n = pick(r, NAMES);
  const p = pick(r, PLACES);
  const t = pick(r, TIMES);
  return (r() < problemRate ? pick(r, PROBLEM) : pick(r, CLEAN))(n, p, t);
}

function wordCount(s) {
  return s.split(/\s+/).filter(Boolean).length;
}

/** One case note of about `words` words, line-per-entry style mixed with prose. */
export function note(r, words = 300, problemRate = 0.15) {
  const lines = [];
  let count = 0;
  let day = 1 + Math.floor(r() * 27);
  while (count < words) {
    const para = [];
    const k = 2 + Math.floor(r() * 4);
    for (let i = 0; i < k; i++) para.push(sentence(r, problemRate));
    const entry = `${String(day).padStart(2, '0')}/0${1 + Math.floor(r() * 9)} \u2013 ${para.join(' ')}`;
    lines.push(entry);
    count += wordCount(entry);
    day = (day % 28) + 1;
  }
  return lines.join('\n');
}

/** A support plan in Markdown of about `words` words, with the usual headings. */
export function plan(r, words = 2000, problemRate = 0.15) {
  const headings = ['About me', 'What people like and admire about me', "What's important to me", 'How best to support me', 'My health', 'Money and my personal budget', 'Risks and how we manage them', 'Review'];
  const out = ['# Support plan (synthetic example)', ''];
  let count = 0;
  let h = 0;
  while (count < words) {
    out.push(`## ${headings[h % headings.length]}`, '');
    h++;
    for (let p = 0; p < 3 && count < words; p++) {
      const para = [];
      const k = 3 + Math.floor(r() * 4);
      for (let i = 0; i < k; i++) para.push(sentence(r, problemRate));
      const text = r() < 0.3 ? para.map((s) => `- ${s}`).join('\n') : para.join(' ');
      out.push(text, '');
      count += wordCount(text);
    }
  }
  return out.join('\n');
}

/** `count` notes of about `words` words each, from `seed`. */
export function notes(count = 1000, words = 300, seed = 42) {
  const r = rng(seed);
  return Array.from({ length: count }, () => note(r, words));
}

/** A single text of at least `bytes` bytes (notes joined by blank lines). */
export function bigText(bytes = 10 * 1024 * 1024, seed = 7) {
  const r = rng(seed);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const n = note(r, 300);
    parts.push(n);
    size += Buffer.byteLength(n) + 2;
  }
  return parts.join('\n\n');
}
