/** View models of the parties' own documents (issue 16; conventions: view-models.ts). */
import type { CaseBasics, DateString, InstantString, Party } from './view-models.js';

/**
 * 送达地址确认书 (CPL 90; 最高人民法院《关于进一步加强民事送达工作的若干意见》第三条至第八条): the party's
 * consent to mediation and to electronic service and the address for service, as they confirmed it online.
 */
export interface ServiceAddressConfirmationView extends CaseBasics {
  /** 受送达人: the party who confirmed. */
  recipient: Party;
  mediation: boolean;
  electronicService: boolean;
  /** The mobile number the SMS notices go to (the party's phone on file). */
  phone?: string | null;
  serviceAddress?: string | null;
  /** Where the party reads what is served (当事人端). */
  serviceUrl: string;
  confirmedAt: InstantString;
  confirmedOn: DateString;
}

/** One party's signature as printed in the signature block of the signed 人民调解协议书. */
export interface AgreementSignatureLine {
  role: Party['role'];
  kind: Party['kind'];
  name: string;
  method: 'online' | 'paper';
  signedAt: InstantString;
  /** First 16 hex digits of the sha256 of the PDF the party signed (online), else null. */
  shortHash?: string | null;
}

export interface PartyViewModels {
  service_address_confirmation: ServiceAddressConfirmationView;
}
