"use server";

import { db } from "@/lib/db/prisma";
import { memberAction } from "@/lib/actions/member-action";
import { addCustomField, customFieldInput } from "@/lib/metadata/fields";

/** Adds a custom field: the DATA_MODEL permission, checked on the server. */
export const addCustomFieldAction = memberAction(
  // Records, the role editor's field tables and the API all read the data model.
  { schema: customFieldInput, permission: "DATA_MODEL", revalidate: { path: "/", type: "layout" } },
  ({ actor, input }) => db.$transaction((tx) => addCustomField(tx, actor, input)),
);
