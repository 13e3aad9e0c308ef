import { fragment, type RuleCases } from "../support";

const topicSubscription = (endpoint: string) =>
  fragment({ aws_sns_topic_subscription: { s: { protocol: "email", endpoint } } });
const S = "aws_sns_topic_subscription.s";

export const cases: RuleCases = {
  valid: {
    "a real address in production": {
      json: topicSubscription("oncall@contact-centre.bank.co.uk"),
      production: true,
    },
    "a stand-in outside production": { json: topicSubscription("oncall@bank.example") },
    "a name that merely contains the word": {
      json: topicSubscription("examples-team@testing.bank.co.uk"),
      production: true,
    },
  },
  invalid: {
    "a reserved domain in production": {
      json: topicSubscription("contact-centre-oncall@bank.example"),
      production: true,
      findings: [[S, /endpoint holds a reserved domain/]],
    },
    "a documentation account id in a certificate ARN": {
      json: fragment({
        aws_cloudfront_distribution: {
          d: {
            viewer_certificate: {
              acm_certificate_arn:
                "arn:aws:acm:us-east-1:111122223333:certificate/0f5e8c8a-6d1b-4c2e-9a57-3b1d2e4f6a70",
            },
          },
        },
      }),
      production: true,
      findings: [
        [
          "aws_cloudfront_distribution.d",
          /viewer_certificate\.acm_certificate_arn holds an AWS documentation account id/,
        ],
      ],
    },
  },
};
