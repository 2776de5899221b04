import { Bot, Briefcase, Eye, GraduationCap, Headset, KeyRound, Shield, Star, User, Users, Wrench, type LucideIcon } from "lucide-react";
import { isRoleIconKey, type RoleIconKey } from "@/lib/roles/icons";

const ROLE_ICONS: Record<RoleIconKey, LucideIcon> = {
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

export function RoleIcon({ icon, className = "size-4" }: { icon: string; className?: string }) {
  const Icon = isRoleIconKey(icon) ? ROLE_ICONS[icon] : User;
  return <Icon aria-hidden className={className} />;
}
