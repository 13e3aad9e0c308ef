import { BOT, type RuleCases, single } from "./support";

/** Cases for the retired-features rule: valid flows (including near misses) and invalid ones. */
export const cases: RuleCases = {
  valid: [
    {
      name: "UpdateContactData without Voice ID flags",
      flow: single("UpdateContactData", { LanguageCode: "en-GB" }),
    },
  ],
  invalid: [
    {
      name: "StartVoiceIdStream",
      flow: single("StartVoiceIdStream", {}),
      messageId: "retiredAction",
      path: "Actions[0].Type",
    },
    {
      name: "CheckVoiceId",
      flow: single("CheckVoiceId", { CheckVoiceIdOption: "voiceAuthentication" }),
      messageId: "retiredAction",
      path: "Actions[0].Type",
    },
    {
      name: "UpdateContactData enabling voice authentication",
      flow: single("UpdateContactData", { IsVoiceAuthenticationEnabled: "TRUE" }),
      messageId: "voiceIdParameter",
      path: "Actions[0].Parameters.IsVoiceAuthenticationEnabled",
    },
    {
      name: "Lex V1 LexBot on ConnectParticipantWithLexBot",
      flow: single("ConnectParticipantWithLexBot", {
        Text: "x",
        LexV2Bot: { AliasArn: BOT },
        LexBot: { Name: "b", Region: "eu-west-2", Alias: "live" },
      }),
      messageId: "lexV1",
      path: "Actions[0].Parameters.LexBot",
    },
  ],
};
