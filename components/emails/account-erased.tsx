import { EmailLayout, EmailText } from "./layout";

export interface AccountErasedEmailProps {
  requestedAt: string;
  deletedRows: number;
  detachedRows: number;
  files: number;
}

/** The receipt of an erased account, sent to the address it had when the deletion was asked for. */
export default function AccountErasedEmail({ requestedAt, deletedRows, detachedRows, files }: AccountErasedEmailProps) {
  return (
    <EmailLayout
      preview="Your BioSync account has been deleted"
      heading="Your account has been deleted"
      reason="You received this email because you asked to delete your BioSync account."
      ignorable={false}
    >
      <EmailText>As you asked on {requestedAt}, your BioSync account has been erased. This is the last email you will get from us.</EmailText>
      <EmailText>
        {`Removed: ${deletedRows} records of your data and ${files} stored ${files === 1 ? "file" : "files"}.`}
        {detachedRows > 0 ? ` ${detachedRows} security log entries are kept without any link to you.` : ""}
      </EmailText>
      <EmailText>You can create a new account at any time; nothing of the old one carries over.</EmailText>
    </EmailLayout>
  );
}

AccountErasedEmail.PreviewProps = { requestedAt: "1 December 2026", deletedRows: 1234, detachedRows: 2, files: 1 } satisfies AccountErasedEmailProps;
