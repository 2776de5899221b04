import { redirect } from "next/navigation";
import { requireMember } from "@/lib/access/current-member";

/** The landing page: the workspace's records (the first object the role can see). */
export default async function Home() {
  await requireMember();
  redirect("/objects");
}
