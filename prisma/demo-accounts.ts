/** The demo workspace's accounts (SPEC §10). These fixed secrets exist only in the demo seed. */
export const DEMO_PASSWORD = "rolecall-demo";
export const DEMO_WORKSPACE_NAME = "Acme";

export const DEMO_USERS = [
  { email: "admin@acme.dev", name: "Alex Admin", role: "Admin", featured: true },
  { email: "ada@acme.dev", name: "Ada Lovelace", role: "Admin", featured: true },
  { email: "mia@acme.dev", name: "Mia Moreau", role: "Member", featured: true },
  { email: "noah@acme.dev", name: "Noah Rossi", role: "Member", featured: false },
  { email: "lena@acme.dev", name: "Lena Popescu", role: "Member", featured: false },
  { email: "yuki@acme.dev", name: "Yuki Tanaka", role: "Member", featured: false },
  { email: "gus@acme.dev", name: "Gus Guest", role: "Guest", featured: true },
  { email: "ian@acme.dev", name: "Ian Intern", role: "Intern", featured: true },
  { email: "sam@acme.dev", name: "Sam Seller", role: "Sales rep", featured: true },
  // SPEC §17: Guest, plus the permission set Export for audit for 30 days after seeding.
  { email: "olivia@acme.dev", name: "Olivia Auditor", role: "Guest", featured: true },
] as const;

export const DEMO_API_KEYS = [
  { name: "Intern integration", secret: "demo-intern-key", role: "Intern" },
  { name: "Support integration", secret: "demo-support-key", role: "Support" },
  { name: "Default integration", secret: "demo-default-key", role: null },
] as const;
