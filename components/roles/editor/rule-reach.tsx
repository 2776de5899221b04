"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { countRuleReachAction } from "@/app/settings/roles/actions";
import { useDebouncedValue } from "@/components/records/use-debounced-value";
import type { RoleDraft } from "@/lib/roles/draft";

type Rule = NonNullable<RoleDraft["objectRules"][number]["recordRule"]>;

const NO_MEMBER = "__none__";

/**
 * The live count beside a record-level rule (SPEC §13): how many records it reaches for a sample
 * member, counted by the server with the lists' own SQL, so what the admin reads is what that
 * member will get. A key or agent has no `Me`: it can be picked as the sample too.
 */
export function RuleReach({ object, objectLabel, rule, members }: { object: string; objectLabel: string; rule: Rule; members: readonly { id: string; name: string }[] }) {
  const t = useTranslations("roles.objectRule.recordLevel");
  const [memberId, setMemberId] = useState(members[0]?.id ?? NO_MEMBER);
  const debouncedRule = useDebouncedValue(rule, 300);
  const sample = memberId === NO_MEMBER ? null : memberId;
  const reach = useQuery({
    queryKey: ["rule-reach", object, JSON.stringify(debouncedRule), sample],
    queryFn: async () => {
      const result = await countRuleReachAction({ object, rule: debouncedRule, memberId: sample });
      return result.ok ? result.data : null;
    },
  });

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md bg-gray-50 px-3 py-2 text-sm text-gray-700" aria-live="polite">
      <span>
        {reach.data ? t("reach", { reached: reach.data.reached, total: reach.data.total, object: objectLabel }) : reach.isFetching ? t("reachCounting") : t("reachUnknown")}
      </span>
      <label className="flex items-center gap-1">
        {t("sampleMember")}
        <select value={memberId} onChange={(event) => setMemberId(event.target.value)} className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm">
          {members.map((member) => (
            <option key={member.id} value={member.id}>{member.name}</option>
          ))}
          <option value={NO_MEMBER}>{t("sampleNoMember")}</option>
        </select>
      </label>
    </div>
  );
}
