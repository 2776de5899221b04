import { Bot, Briefcase, Eye, GraduationCap, Headset, KeyRound, Shield, Star, User, Users, Wrench, type LucideIcon } from "lucide-react";

/** The icons a role can carry; the key is what the database stores. */
export const ROLE_ICONS: Record<string, LucideIcon> = {
  shield: Shield,
  user: User,
  users: Users,
  eye: Eye,
  "graduation-cap": GraduationCap,
  briefcase: Briefcase,
  headset: Headset,
  wrench: Wrench,
  star: Star,
  bot: Bot,
  key: KeyRound,
};

export const ROLE_ICON_KEYS = Object.keys(ROLE_ICONS);

export function RoleIcon({ icon, className = "size-4" }: { icon: string; className?: string }) {
  const Icon = ROLE_ICONS[icon] ?? User;
  return <Icon aria-hidden className={className} />;
}
