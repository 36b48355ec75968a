package nl.ontwikkelplein.domain;

/** Whether someone came to a date, marked by staff afterwards. */
public enum Attendance { PRESENT, ABSENT }
