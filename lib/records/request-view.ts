import { cache } from "react";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { loadObjectView } from "./object-view";

/**
 * The signed-in member's view of one object, once per request: a records page and its metadata
 * (the title) both need it, and each asked the database for it before.
 */
export const requestObjectView = cache(async (name: string) => loadObjectView(db, await requireMember(), name, await metadataLabels()));
