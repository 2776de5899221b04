import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { listOutbox } from "@/lib/email/outbox";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/section";
import { DataTable } from "@/components/ui/data-table";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("records.outbox");

/** Messages "sent" from records: stored here, never delivered. */
export default async function OutboxPage() {
  const member = await requireMember();
  const [t, format, messages] = await Promise.all([
    getTranslations("records.outbox"),
    getFormatter(),
    listOutbox(db, member, { recipient: member.email }),
  ]);

  return (
    <div className="max-w-5xl">
      <PageHeader title={t("title")} subtitle={member.permissions.isAdmin ? t("subtitleAdmin") : t("subtitle")} />
      <div className="mt-6 overflow-x-auto rounded-lg border border-gray-200">
        <DataTable
          layout="boxed"
          density="compact"
          caption={t("title")}
          rowClassName="align-top"
          rows={messages}
          rowKey={(message) => message.id}
          columns={[
            { key: "sentAt", header: t("sentAt"), headerClassName: "w-44", cell: (message) => <time dateTime={message.sentAt.toISOString()}>{format.dateTime(message.sentAt, { dateStyle: "medium", timeStyle: "short" })}</time> },
            { key: "to", header: t("to"), className: "text-gray-900", cell: (message) => message.to },
            {
              key: "subject",
              header: t("subject"),
              className: "",
              cell: (message) => (
                <details>
                  <summary className="cursor-pointer font-medium text-gray-900">{message.subject}</summary>
                  <p className="mt-2 text-gray-700 whitespace-pre-wrap">{message.body}</p>
                </details>
              ),
            },
            { key: "sentBy", header: t("sentBy"), headerClassName: "w-44", cell: (message) => message.sentBy },
          ]}
        />
        {messages.length === 0 ? <EmptyState className="px-3 py-10">{t("empty")}</EmptyState> : null}
      </div>
    </div>
  );
}
