/** Lex V2 code-hook response, as documented for `sessionState` + `messages`. */

export type IntentState = "Failed" | "Fulfilled" | "InProgress" | "ReadyForFulfillment";
export type ConfirmationState = "Confirmed" | "Denied" | "None";

export interface LexMessage {
  readonly contentType: "PlainText" | "SSML";
  readonly content: string;
}

export interface ResponseSlot {
  readonly shape?: string;
  readonly value?: {
    readonly originalValue?: string;
    readonly interpretedValue?: string;
    readonly resolvedValues?: readonly string[];
  };
}

export interface ResponseIntent {
  readonly name: string;
  readonly state: IntentState;
  readonly confirmationState: ConfirmationState;
  readonly slots: Readonly<Record<string, ResponseSlot | null>>;
}

export type DialogAction =
  | { readonly type: "Close" }
  | { readonly type: "Delegate" }
  | { readonly type: "ElicitIntent" }
  | { readonly type: "ConfirmIntent" }
  | { readonly type: "ElicitSlot"; readonly slotToElicit: string };

export interface LexResponse {
  readonly sessionState: {
    readonly dialogAction: DialogAction;
    readonly intent?: ResponseIntent;
    readonly sessionAttributes: Readonly<Record<string, string>>;
  };
  readonly messages?: readonly LexMessage[];
}
