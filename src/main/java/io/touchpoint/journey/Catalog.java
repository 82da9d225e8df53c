package io.touchpoint.journey;

/** What a customer can ask a quote for. Codes are what the API, the forms and the models use. */
public final class Catalog {

    /** The provider's own services. */
    public enum Service {
        HOSTED_VOICE("Hosted VoIP phone system"),
        SIP_TRUNKING("SIP trunking"),
        FIBER_INTERNET("Fiber internet"),
        SD_WAN("SD-WAN"),
        MANAGED_WIFI("Managed Wi-Fi");

        public final String label;

        Service(String label) {
            this.label = label;
        }
    }

    /** Services quoted by partner providers (PRE-07). */
    public enum AuxiliaryService {
        BACKUP_INTERNET("Backup internet (cable or LTE)"),
        MOBILE_LINES("Mobile lines"),
        BUSINESS_TV("Business TV"),
        ALARM_AND_FAX_LINES("Alarm and fax lines");

        public final String label;

        AuxiliaryService(String label) {
            this.label = label;
        }
    }

    private Catalog() {
    }
}
