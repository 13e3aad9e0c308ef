import { BudgetExceededError } from "./errors";

/** Settles with `work`, or rejects with BudgetExceededError once `budgetMs` has passed. */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceededError(`call exceeded ${budgetMs} ms`)), budgetMs);
  });
  try {
    return await Promise.race([work, expiry]);
  } finally {
    clearTimeout(timer);
  }
}
