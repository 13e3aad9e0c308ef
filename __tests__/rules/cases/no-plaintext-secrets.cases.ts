import { fragment, ref, type RuleCases } from "../support";

const lambda = (variables: Record<string, string>) =>
  fragment({ aws_lambda_function: { f: { environment: { variables } } } });

export const cases: RuleCases = {
  valid: {
    "secret passed by ARN": { json: lambda({ BANKING_API_SECRET_ARN: ref("aws_secretsmanager_secret.s") }) },
    "a name ending in key that is a reference": {
      json: lambda({ API_KEY: ref("aws_ssm_parameter.p", "name") }),
    },
    "ordinary settings": { json: lambda({ LOG_LEVEL: "INFO", TOKEN_TTL_SECONDS: "300" }) },
  },
  invalid: {
    "API key in a Lambda environment": {
      json: lambda({ BANKING_API_KEY: "k3y-v4lue" }),
      findings: [["aws_lambda_function.f", /environment.variables.BANKING_API_KEY holds a literal value/]],
    },
    "AWS access key id anywhere": {
      json: fragment({ aws_ssm_parameter: { p: { value: "AKIAIOSFODNN7EXAMPLE" } } }),
      findings: [["aws_ssm_parameter.p", /value holds an AWS access key id/]],
    },
    "secret string of a secret version": {
      json: fragment({
        aws_secretsmanager_secret_version: { v: { secret_string: '{"password":"hunter2"}' } },
      }),
      findings: [["aws_secretsmanager_secret_version.v", /secret_string holds a literal value/]],
    },
    "private key in an output": {
      json: { output: { key: { value: "-----BEGIN RSA PRIVATE KEY-----\nMIIE" } } },
      findings: [["output.key", /a private key/]],
    },
  },
};
