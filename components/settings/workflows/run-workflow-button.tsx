"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Play } from "lucide-react";
import type { WorkflowId } from "@/lib/workflows/catalog";
import { runWorkflowAction } from "@/app/settings/workflows/actions";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** "Run now": triggers the workflow on the server and says what the agent step did. */
export function RunWorkflowButton({ workflowId, workflowName }: { workflowId: WorkflowId; workflowName: string }) {
  const t = useTranslations("settings.workflows");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      const result = await runWorkflowAction({ workflowId });
      if (!result.ok) {
        toast.error(t("runFailed", { error: errorMessage(result.errors[0]) }));
        return;
      }
      const { outcome, staleCount } = result.data;
      const message = t(`outcomes.${outcome}`, { count: staleCount });
      if (outcome === "sent") toast.success(message);
      else toast.warning(message);
      router.refresh();
    });

  return (
    <Button variant="primary" onClick={run} disabled={pending} aria-label={t("runNamed", { name: workflowName })}>
      <Play aria-hidden className="size-4" />
      {pending ? t("running") : t("runNow")}
    </Button>
  );
}
