/** The CCP site's certificate: ISSUED in us-east-1 (CloudFront reads only there) and covering the host name. */
import { ACMClient, DescribeCertificateCommand } from "@aws-sdk/client-acm";
import { fail, pass, skip, type Check, type CheckResult } from "../check";
import type { DeployDayContext } from "../context";

/** Whether a certificate name (`*.example.com` or exact) covers the host. */
export function covers(name: string, host: string): boolean {
  if (name.startsWith("*."))
    return host.endsWith(name.slice(1)) && !host.slice(0, -name.length + 1).includes(".");
  return name.toLowerCase() === host.toLowerCase();
}

export const ccpCertificateCheck: Check<DeployDayContext> = {
  id: "ccp-certificate",
  title: "the CCP certificate is ISSUED in us-east-1 and covers ccp.domainName",
  async run(ctx): Promise<CheckResult> {
    const { certificateArn, domainName } = ctx.config.ccp;
    if (!certificateArn || !domainName)
      return skip(
        "ccp-certificate",
        "no custom host name: the CCP site is served on CloudFront's own name and certificate",
      );
    // DescribeCertificate response: Certificate.Status, DomainName, SubjectAlternativeNames, NotAfter (ACM API reference).
    const { Certificate: cert } = await ctx.aws
      .client(ACMClient, "us-east-1")
      .send(new DescribeCertificateCommand({ CertificateArn: certificateArn }));
    const fix = `request or validate a certificate for ${domainName} in ACM in us-east-1 and set ccp.certificateArn to it`;
    if (cert?.Status !== "ISSUED")
      return fail("ccp-certificate", `${certificateArn} is ${cert?.Status ?? "unknown"}, not ISSUED`, fix);
    const names = [cert.DomainName, ...(cert.SubjectAlternativeNames ?? [])].filter((n): n is string => !!n);
    if (!names.some((n) => covers(n, domainName)))
      return fail("ccp-certificate", `the certificate names ${names.join(", ")}, not ${domainName}`, fix);
    if (cert.NotAfter && cert.NotAfter.getTime() <= ctx.now().getTime())
      return fail("ccp-certificate", `the certificate expired on ${cert.NotAfter.toISOString()}`, fix);
    return pass(
      "ccp-certificate",
      `ISSUED for ${domainName} until ${cert.NotAfter?.toISOString().slice(0, 10) ?? "?"}`,
    );
  },
};
