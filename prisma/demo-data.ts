/**
 * Deterministic demo records for the Acme workspace: a seeded PRNG turns small
 * word lists into a few hundred realistic People, Companies, Opportunities, Notes and Tasks.
 */
import { OPPORTUNITY_STAGES, TASK_STATUSES } from "@/lib/metadata/standard-objects";

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = ["Alice", "Bruno", "Chloé", "Dmitri", "Elena", "Farid", "Giulia", "Hiro", "Ines", "Jonas", "Keiko", "Luca", "Maya", "Nikolai", "Olivia", "Pablo", "Quinn", "Radu", "Sofia", "Tomás", "Umi", "Victor", "Wen", "Yara", "Zoé"];
const LAST_NAMES = ["Martin", "Rossi", "Popescu", "Tanaka", "Dubois", "Schmidt", "Garcia", "Nakamura", "Ionescu", "Bianchi", "Moreau", "Sato", "Lefèvre", "Conti", "Müller", "Kowalski"];
const CITIES = ["Paris", "Milan", "Bucharest", "Tokyo", "Lyon", "Berlin", "Madrid", "Osaka", "Rome", "Cluj-Napoca", "London", "New York"];
const STREETS = ["Rue de Rivoli", "Via Roma", "Strada Lipscani", "Chuo-dori", "Main Street", "Kurfürstendamm", "Gran Vía", "Baker Street"];
const JOB_TITLES = ["CEO", "CTO", "Head of Sales", "Account Executive", "Product Manager", "Engineer", "Designer", "Marketing Lead", "Operations Manager", "Buyer"];
const COMPANY_WORDS = ["Nova", "Blue", "Orbit", "Atlas", "Pixel", "Cedar", "Lumen", "Quartz", "Harbor", "Summit", "Vertex", "Maple", "Kite", "Ember", "Delta", "Sakura"];
const COMPANY_SUFFIXES = ["Labs", "Systems", "Logistics", "Foods", "Studio", "Capital", "Works", "Health", "Energy", "Robotics"];
const NOTE_TOPICS = ["Kick-off call", "Pricing discussion", "Follow-up", "Security review", "Renewal", "Product demo", "Onboarding", "Quarterly review"];
const TASK_VERBS = ["Call", "Email", "Send proposal to", "Schedule demo with", "Prepare contract for", "Review notes on"];

export const DEMO_COUNTS = { company: 60, person: 240, opportunity: 80, note: 40, task: 40 } as const;

export interface DemoRows {
  company: Record<string, unknown>[];
  person: Record<string, unknown>[];
  opportunity: Record<string, unknown>[];
  note: Record<string, unknown>[];
  task: Record<string, unknown>[];
}

/** Companies get their ids from the caller so that relations can point at them. */
export function buildDemoRows(companyIds: string[], seed = 20261126): DemoRows {
  const random = mulberry32(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const slug = (text: string) => text.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "");

  const company = companyIds.map((_, index) => {
    const name = `${COMPANY_WORDS[index % COMPANY_WORDS.length]} ${COMPANY_SUFFIXES[Math.floor(index / COMPANY_WORDS.length) % COMPANY_SUFFIXES.length]}`;
    return {
      name,
      domain: `${slug(name)}.com`,
      employees: 5 + Math.floor(random() * 5000),
      address: `${1 + Math.floor(random() * 200)} ${pick(STREETS)}, ${pick(CITIES)}`,
    };
  });

  const person = Array.from({ length: DEMO_COUNTS.person }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length + random() * 3) % LAST_NAMES.length];
    const companyIndex = Math.floor(random() * companyIds.length);
    return {
      name: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}${index}@${company[companyIndex].domain}`,
      phone: `+33 6 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
      address: `${1 + Math.floor(random() * 120)} ${pick(STREETS)}`,
      city: pick(CITIES),
      jobTitle: pick(JOB_TITLES),
      companyId: companyIds[companyIndex],
    };
  });

  const opportunity = Array.from({ length: DEMO_COUNTS.opportunity }, (_, index) => {
    const companyIndex = Math.floor(random() * companyIds.length);
    const month = 1 + Math.floor(random() * 12);
    return {
      name: `${company[companyIndex].name} — deal ${index + 1}`,
      amount: 1000 * (1 + Math.floor(random() * 250)),
      stage: pick(OPPORTUNITY_STAGES),
      closeDate: `2027-${String(month).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
      companyId: companyIds[companyIndex],
    };
  });

  const note = Array.from({ length: DEMO_COUNTS.note }, (_, index) => ({
    title: `${pick(NOTE_TOPICS)} — ${company[index % company.length].name}`,
    body: `Discussed next steps with ${person[index].name}.`,
  }));

  const task = Array.from({ length: DEMO_COUNTS.task }, (_, index) => ({
    title: `${pick(TASK_VERBS)} ${person[(index * 7) % person.length].name}`,
    body: "",
    dueAt: `2027-01-${String(1 + (index % 28)).padStart(2, "0")}`,
    status: pick(TASK_STATUSES),
  }));

  return { company, person, opportunity, note, task };
}

/** SPEC §13: sam@acme.dev (Sales rep) owns this many opportunities: every 6th of the first 72. */
export const SAM_OPPORTUNITIES = 12;
const SAM = "sam@acme.dev";
const OTHER_OWNERS = ["mia@acme.dev", "noah@acme.dev", "lena@acme.dev", "yuki@acme.dev"];

/** Is the opportunity at `index` (seed order) Sam's? Tests derive the expected list from this. */
export function isSamsOpportunity(index: number): boolean {
  return index % 6 === 0 && index < 6 * SAM_OPPORTUNITIES;
}

/**
 * Owners (member ids by e-mail) given deterministically after the members exist, without touching
 * the random sequence of buildDemoRows: every other value of the demo stays what tests expect.
 */
export function assignDemoOwners(rows: DemoRows, memberIds: Readonly<Record<string, string>>): DemoRows {
  const owner = (email: string) => {
    const id = memberIds[email];
    if (!id) throw new Error(`No demo member ${email}`);
    return id;
  };
  const everyone = [...OTHER_OWNERS, SAM];
  return {
    ...rows,
    person: rows.person.map((row, index) => ({ ...row, ownerId: owner(everyone[index % everyone.length]) })),
    company: rows.company.map((row, index) => ({ ...row, ownerId: owner(everyone[index % everyone.length]) })),
    opportunity: rows.opportunity.map((row, index) => ({
      ...row,
      ownerId: owner(isSamsOpportunity(index) ? SAM : OTHER_OWNERS[index % OTHER_OWNERS.length]),
    })),
  };
}
