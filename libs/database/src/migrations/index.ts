import { Foundation1763900000000 } from './1763900000000-foundation.js';
import { Identity1763950000000 } from './1763950000000-identity.js';
import { Ingestion1764000000000 } from './1764000000000-ingestion.js';
import { Consent1764100000000 } from './1764100000000-consent.js';
import { Email1764200000000 } from './1764200000000-email.js';
import { Intake1764300000000 } from './1764300000000-intake.js';
import { Delivery1764400000000 } from './1764400000000-delivery.js';
import { Triage1764500000000 } from './1764500000000-triage.js';
import { Portal1764600000000 } from './1764600000000-portal.js';
import { EmailSuppressions1764800000000 } from './1764800000000-email-suppressions.js';
import { MediaSweep1764900000000 } from './1764900000000-media-sweep.js';
import { SmsInbound1764700000000 } from './1764700000000-sms-inbound.js';
import { ChatClaims1765000000000 } from './1765000000000-chat-claims.js';
import { ConsentDoubleOptIn1765500000000 } from './1765500000000-consent-double-opt-in.js';
import { RoutedPolicies1765600000000 } from './1765600000000-routed-policies.js';
import { DeliveryOrder1765700000000 } from './1765700000000-delivery-order.js';
import { EmailSenderClaims1765800000000 } from './1765800000000-email-sender-claims.js';
import { ChatVerification1765900000000 } from './1765900000000-chat-verification.js';
import { EmailThreadHeaders1766100000000 } from './1766100000000-email-thread-headers.js';
import { FormSubmissionMessages1766200000000 } from './1766200000000-form-submission-messages.js';
import { StaffUploads1766300000000 } from './1766300000000-staff-uploads.js';
import { AuditIntegrity1765100000000 } from './1765100000000-audit-integrity.js';
import { LinkAddressBinding1765300000000 } from './1765300000000-link-address-binding.js';
import { IdentityHardening1765400000000 } from './1765400000000-identity-hardening.js';
import { AccountRecovery1766000000000 } from './1766000000000-account-recovery.js';
import { SecureReminders1766400000000 } from './1766400000000-secure-reminders.js';
import { AutoReplies1766500000000 } from './1766500000000-auto-replies.js';
import { RoutingRules1766600000000 } from './1766600000000-routing-rules.js';
import { ResponseReports1766700000000 } from './1766700000000-response-reports.js';
import { MonthlyPartitions1766800000000 } from './1766800000000-monthly-partitions.js';
import { Retention1766900000000 } from './1766900000000-retention.js';
import { OutboundWebhooks1767000000000 } from './1767000000000-outbound-webhooks.js';
import { EmailTlsRefusals1767100000000 } from './1767100000000-email-tls-refusals.js';
import { FhirInterop1767200000000 } from './1767200000000-fhir-interop.js';
import { AccessAlerts1767300000000 } from './1767300000000-access-alerts.js';
import { PartitionAttemptsEvents1767400000000 } from './1767400000000-partition-attempts-events.js';
import { FhirExportOneLive1767500000000 } from './1767500000000-fhir-export-one-live.js';

/** Every migration, in order. Listed explicitly so the bundled build needs no file globbing. */
export const MIGRATIONS = [
  Foundation1763900000000,
  Identity1763950000000,
  Ingestion1764000000000,
  Consent1764100000000,
  Intake1764300000000,
  Email1764200000000,
  Delivery1764400000000,
  Triage1764500000000,
  Portal1764600000000,
  SmsInbound1764700000000,
  EmailSuppressions1764800000000,
  MediaSweep1764900000000,
  ChatClaims1765000000000,
  AuditIntegrity1765100000000,
  LinkAddressBinding1765300000000,
  IdentityHardening1765400000000,
  ConsentDoubleOptIn1765500000000,
  RoutedPolicies1765600000000,
  DeliveryOrder1765700000000,
  EmailSenderClaims1765800000000,
  ChatVerification1765900000000,
  AccountRecovery1766000000000,
  EmailThreadHeaders1766100000000,
  FormSubmissionMessages1766200000000,
  StaffUploads1766300000000,
  SecureReminders1766400000000,
  AutoReplies1766500000000,
  RoutingRules1766600000000,
  ResponseReports1766700000000,
  MonthlyPartitions1766800000000,
  Retention1766900000000,
  OutboundWebhooks1767000000000,
  EmailTlsRefusals1767100000000,
  FhirInterop1767200000000,
  AccessAlerts1767300000000,
  PartitionAttemptsEvents1767400000000,
  FhirExportOneLive1767500000000,
];
