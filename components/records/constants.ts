/** Shared by server pages and client components (a "use client" module cannot export plain values to the server). */
export const PAGE_SIZE = 50;
