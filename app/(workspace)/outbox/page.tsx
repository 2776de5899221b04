import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireMember } from "@/lib/access/current-member";
import { listOutbox } from "@/lib/email/outbox";

export async function generateMetadata() {
  const t = await getTranslations("records.outbox");
  return { title: t("title") };
}

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
      <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-gray-600">{member.permissions.isAdmin ? t("subtitleAdmin") : t("subtitle")}</p>
      <div className="mt-6 overflow-x-auto rounded-lg border border-gray-200">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-gray-50">
            <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
              <th scope="col" className="w-44 px-3 py-2 font-medium">{t("sentAt")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("to")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("subject")}</th>
              <th scope="col" className="w-44 px-3 py-2 font-medium">{t("sentBy")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} className="border-b border-gray-100 align-top">
                <td className="px-3 py-2 text-gray-700">
                  <time dateTime={message.sentAt.toISOString()}>{format.dateTime(message.sentAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </td>
                <td className="px-3 py-2 text-gray-900">{message.to}</td>
                <td className="px-3 py-2">
                  <details>
                    <summary className="cursor-pointer font-medium text-gray-900">{message.subject}</summary>
                    <p className="mt-2 text-gray-700 whitespace-pre-wrap">{message.body}</p>
                  </details>
                </td>
                <td className="px-3 py-2 text-gray-700">{message.sentBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {messages.length === 0 ? <p className="px-3 py-10 text-center text-sm text-gray-500">{t("empty")}</p> : null}
      </div>
    </div>
  );
}
