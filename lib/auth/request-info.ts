import { headers } from "next/headers";
import { requestClientAddress } from "./client-address";

/** The client's address and this site's origin, from the request a server action is answering. */
export async function requestInfo(): Promise<{ address: string; origin: string }> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? "localhost";
  const origin = process.env.APP_URL ? new URL(process.env.APP_URL).origin : `http://${host}`;
  return { address: requestClientAddress(requestHeaders), origin };
}
