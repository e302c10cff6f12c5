"""The legal sources the checks cite, with the words quoted (RULES.md; A/RES/79/172 checked against shared/seeds)."""

from jj.rules.engine import Citation

GC24 = "CRC/C/GC/24"
CRC = "Convention on the Rights of the Child"
RES_79_172 = "A/RES/79/172"
RES_76_184 = "A/RES/76/184"
RES_73_177 = "A/RES/73/177"
HRC_GC35 = "CCPR/C/GC/35"
BEIJING = "Beijing Rules (A/RES/40/33)"
HAVANA = "Havana Rules (A/RES/45/113)"
MANDELA = "Nelson Mandela Rules (A/RES/70/175)"
RIYADH = "Riyadh Guidelines (A/RES/45/112)"
GC10 = "CRC/C/GC/10"

# Where RULES.md gives no checked wording, the citation says what the provision requires, marked as a summary.
SUMMARY = "[summary, not a quotation] "

# --- Human oversight ---------------------------------------------------------------------------------------------
RES79_6 = Citation(
    RES_79_172,
    "para. 6",
    "developing human rights-based auditing mechanisms and redress mechanisms and establishing human oversight",
)

# --- Age ---------------------------------------------------------------------------------------------------------
GC24_22 = Citation(
    GC24,
    "para. 22",
    "States parties are encouraged to increase their minimum age accordingly, to at least 14 years of age ... "
    "urges States parties not to reduce the minimum age of criminal responsibility under any circumstances",
)
RES79_33 = Citation(
    RES_79_172,
    "para. 33",
    "notes the recommendation of the Committee on the Rights of the Child to increase the minimum age of criminal "
    "responsibility to at least 14 years as the absolute minimum age",
)
GC24_23 = Citation(GC24, "para. 23", "should not be viewed as children who have committed criminal offences")
CRC_40_3A = Citation(
    CRC,
    "art. 40(3)(a)",
    "The establishment of a minimum age below which children shall be presumed not to have the capacity to infringe "
    "the penal law",
)
GC24_20 = Citation(GC24, "para. 20", "the relevant age is the age at the time of the commission of the offence")
GC24_24 = Citation(GC24, "para. 24", "given the benefit of the doubt and is not to be held criminally responsible")
GC24_25 = Citation(
    GC24,
    "para. 25",
    "set one standardized age below which children cannot be held responsible in criminal law, without exception",
)
GC24_26 = Citation(
    GC24,
    "para. 26",
    "unless sufficient maturity is demonstrated ... leaves much to the discretion of the court and results in "
    "discriminatory practices",
)
GC24_29 = Citation(
    GC24,
    "para. 29",
    SUMMARY + "the child justice system applies to everyone from the minimum age up to 18 at the time of the offence",
)
GC24_30 = Citation(
    GC24,
    "para. 30",
    "change laws that allow by way of exception that certain children are treated as adult offenders (for example, "
    "because of the offence category)",
)
GC24_31 = Citation(
    GC24,
    "para. 31",
    SUMMARY + "child-justice protection continues through trial and sentencing for a person who turns 18",
)
GC24_33 = Citation(GC24, "para. 33", "Documents should be considered genuine unless there is proof to the contrary")
GC24_34 = Citation(
    GC24,
    "para. 34",
    "Only if these measures prove unsuccessful ... refrain from using only medical methods based on ... bone and "
    "dental analysis ... In the case of inconclusive evidence, the child or young person is to have the benefit of "
    "the doubt",
)
GC24_93 = Citation(
    GC24,
    "para. 93",
    SUMMARY + "moving a person who turns 18 to an adult setting is decided on their best interests",
)
GC24_28 = Citation(
    GC24,
    "para. 28",
    "Children with developmental delays or neurodevelopmental disorders or disabilities ... should not be in the "
    "child justice system at all, even if they have reached the minimum age of criminal responsibility. If not "
    "automatically excluded, such children should be individually assessed.",
)
RIYADH_56 = Citation(
    RIYADH,
    "para. 56",
    "any conduct not considered an offence or not penalized if committed by an adult is not considered an offence "
    "and not penalized if committed by a young person",
)

# --- Sentencing --------------------------------------------------------------------------------------------------
CRC_37_A = Citation(
    CRC,
    "art. 37(a)",
    "Neither capital punishment nor life imprisonment without possibility of release shall be imposed for offences "
    "committed by persons below eighteen years of age",
)
RES79_32 = Citation(
    RES_79_172,
    "para. 32",
    "neither capital punishment nor life imprisonment without the possibility of release nor corporal punishment is "
    "imposed for offences committed by persons under 18 years of age",
)
GC24_75 = Citation(GC24, "para. 75", SUMMARY + "corporal punishment is prohibited as a sanction for children")
GC24_79 = Citation(GC24, "para. 79", SUMMARY + "for the death penalty too, the age at the time of the offence governs")
BEIJING_17_3 = Citation(BEIJING, "r. 17.3", "Juveniles shall not be subject to corporal punishment")
GC24_81 = Citation(
    GC24,
    "para. 81",
    "parole substantially shorter than that for adults ... abolish all forms of life imprisonment, including "
    "indeterminate sentences",
)
CRC_37_B = Citation(
    CRC,
    "art. 37(b)",
    "The arrest, detention or imprisonment of a child ... shall be used only as a measure of last resort and for "
    "the shortest appropriate period of time",
)
CRC_40_4 = Citation(
    CRC,
    "art. 40(4)",
    "A variety of dispositions ... and other alternatives to institutional care shall be available",
)
GC24_73 = Citation(GC24, "para. 73", "expressly prioritize the use of such measures")
GC24_74 = Citation(GC24, "para. 74", SUMMARY + "forced labour is not an acceptable measure for children")
GC24_77 = Citation(GC24, "para. 77", "set a maximum penalty")
GC24_78 = Citation(GC24, "para. 78", "Mandatory minimum sentences are incompatible")
HAVANA_2 = Citation(HAVANA, "r. 2", "without precluding the possibility of his or her early release")
GC24_88_RELEASE = Citation(GC24, "para. 88", "regular opportunities to permit early release")

# --- Policy ------------------------------------------------------------------------------------------------------
GC24_27 = Citation(GC24, "para. 27", "set one appropriate minimum age")

# --- Custody -----------------------------------------------------------------------------------------------------
GC24_90 = Citation(
    GC24,
    "para. 90",
    "brought before a competent authority within 24 hours to examine the legality of the deprivation of liberty or "
    "its continuation",
)
HRC_GC35_33 = Citation(
    HRC_GC35,
    "para. 33",
    "An especially strict standard of promptness, such as 24 hours, should apply in the case of juveniles",
)
GC24_86 = Citation(
    GC24,
    "para. 86",
    "should not be used except in the most serious cases, and even then only after community placement has been "
    "carefully considered",
)
GC24_87 = Citation(
    GC24,
    "para. 87",
    "primarily for ensuring appearance at the court proceedings and if the child poses an immediate danger to "
    "others. If the child is considered a danger (to himself or herself or others) child protection measures should "
    "be applied",
)
GC24_87_REVIEW = Citation(GC24, "para. 87", "subject to regular review and its duration limited by law")
GC10_83 = Citation(GC10, "para. 83 (superseded by CRC/C/GC/24)", "preferably every two weeks")
GC24_88_BAIL = Citation(GC24, "para. 88", "The payment of monetary bail should not be a requirement")
GC24_90_CHARGE = Citation(
    GC24, "para. 90", "formally charged ... not later than 30 days after pretrial detention takes effect"
)
GC24_90_FINAL = Citation(
    GC24,
    "para. 90",
    "final decision on the charges not later than six months from the initial date of detention, failing which the "
    "child should be released",
)
RES79_13 = Citation(
    RES_79_172, "para. 13", "refrain from detaining persons based solely on their family ties with an alleged offender"
)
RES79_21 = Citation(
    RES_79_172,
    "para. 21",
    "electronic monitoring should, where possible, only be used as an alternative to pretrial detention when grounds "
    "for detention exist",
)
RES79_21_LAST_RESORT = Citation(
    RES_79_172,
    "para. 21",
    "pretrial detention, which should be a measure of last resort and for as short a period as possible",
)
GC24_89 = Citation(
    GC24,
    "para. 89",
    "fix an age limit below which children may not legally be deprived of their liberty, such as 16 years of age",
)
HAVANA_21D = Citation(
    HAVANA, "r. 21(d)", "notifications to parents and guardians on every admission, transfer or release"
)
HAVANA_22 = Citation(HAVANA, "r. 22", "without delay")
HAVANA_20 = Citation(
    HAVANA, "r. 20", "No juvenile should be received in any detention facility without a valid commitment order"
)
CRC_37_C = Citation(
    CRC,
    "art. 37(c)",
    "every child deprived of liberty shall be separated from adults unless it is considered in the child's best "
    "interest not to do so",
)
# The same article's family contact clause: what DET-5's family visit message rests on (its quotation must say so).
CRC_37_C_FAMILY = Citation(
    CRC,
    "art. 37(c)",
    "every child deprived of liberty ... shall have the right to maintain contact with his or her family through "
    "correspondence and visits, save in exceptional circumstances",
)
GC24_92 = Citation(
    GC24,
    "para. 92",
    "including in police cells ... interpreted narrowly and the convenience of the States parties should not "
    "override best interests",
)
GC24_95D = Citation(GC24, "para. 95(d)", "examined by a physician or a health practitioner upon admission")
GC24_95H = Citation(
    GC24,
    "para. 95(h)",
    "Solitary confinement should not be used for a child. Any separation ... for the shortest possible time ... last "
    "resort ... the reasons and duration should be recorded",
)
MANDELA_44 = Citation(MANDELA, "r. 44", "22 hours or more a day without meaningful human contact")
GC24_95G = Citation(
    GC24,
    "para. 95(g)",
    "corporal punishment, placement in a dark cell, solitary confinement ... should not deprive children of their "
    "basic rights, such as visits by legal representative, family contact, food, water, clothing, bedding, "
    "education, exercise or meaningful daily contact with others",
)
MANDELA_43 = Citation(MANDELA, "r. 43", "(e) Collective punishment")
GC24_95F = Citation(
    GC24,
    "para. 95(f)",
    "only when the child poses an imminent threat of injury ... all other means of control have been exhausted ... "
    "should not be used to secure compliance ... never ... punishment",
)
GC24_95I = Citation(
    GC24, "para. 95(i)", "without censorship as to the substance ... informed of the response without delay"
)
MANDELA_71 = Citation(
    MANDELA,
    "r. 71(1)",
    "report, without delay, any custodial death, disappearance or serious injury to a judicial or other competent "
    "authority that is independent of the prison administration ... ensure that all evidence is preserved",
)
RES79_20 = Citation(
    RES_79_172,
    "para. 20",
    "investigate promptly, effectively and impartially all alleged human rights violations suffered by persons "
    "deprived of their liberty, in particular cases involving death ... preserve all evidence",
)
RES79_22 = Citation(
    RES_79_172,
    "para. 22",
    "address overcrowding in detention facilities by taking effective measures, including through enhancing the "
    "availability and use of alternatives to pretrial detention and custodial sentences",
)
RES76_184_9 = Citation(RES_76_184, "para. 9", "addressing overcrowding in detention and correctional facilities")

# --- Diversion ---------------------------------------------------------------------------------------------------
GC24_16 = Citation(
    GC24,
    "para. 16",
    "preferred manner ... including serious offences where appropriate. Opportunities for diversion should be "
    "available from as early as possible after contact with the system",
)
RES79_29 = Citation(
    RES_79_172,
    "para. 29",
    "promoting, inter alia, the use of alternative measures, such as diversion and restorative justice",
)
GC24_18 = Citation(
    GC24,
    "para. 18",
    SUMMARY + "diversion needs compelling evidence, a voluntary acknowledgement that cannot be used against the child "
    "later, free and informed consent, legal advice, and no deprivation of liberty; completion definitively closes the "
    "case",
)
GC24_18_A = Citation(
    GC24,
    "para. 18(a)",
    SUMMARY + "the child's voluntary acknowledgement of responsibility, given for a diversion, is not used against "
    "the child in any later legal proceedings",
)
BEIJING_11_3 = Citation(
    BEIJING, "r. 11.3", SUMMARY + "diversion requires the consent of the juvenile, or her or his parents or guardian"
)
GC24_18_E = Citation(GC24, "para. 18(e)", SUMMARY + "diversion measures may not include deprivation of liberty")
GC24_18_F = Citation(
    GC24,
    "para. 18(f)",
    "definite and final closure of the case ... should not be viewed as criminal convictions or result in criminal "
    "records",
)

GC24_95J = Citation(
    GC24,
    "para. 95(j)",
    "regular basis ... unannounced inspections on their own initiative ... conversations with children ... "
    "confidential setting",
)
HAVANA_14 = Citation(HAVANA, "r. 14", "not belonging to the detention facility")
RES73_177_10 = Citation(RES_73_177, "para. 10", "unannounced visits ... private interviews without witnesses")

GC10_84 = Citation(GC10, "para. 84 (superseded by CRC/C/GC/24)", "not later than two weeks after the challenge is made")
CRC_37_D = Citation(
    CRC,
    "art. 37(d)",
    "the right to challenge the legality of the deprivation of his or her liberty before a court or other "
    "competent, independent and impartial authority, and to a prompt decision on any such action",
)
GC24_85 = Citation(
    GC24,
    "para. 85",
    "not held in transportation or in police cells, except as a measure of last resort and for the shortest period "
    "of time",
)
GC24_41 = Citation(GC24, "para. 41", "Records should be kept on the location and condition of the child in all phases")
GC24_49 = Citation(GC24, "para. 49", "from the outset")
CRC_40_2_B_VI = Citation(
    CRC,
    "art. 40(2)(b)(vi)",
    "To have the free assistance of an interpreter if the child cannot understand or speak the language used",
)
GC24_51 = Citation(GC24, "para. 51", "unless ... made voluntarily and under impartial judicial supervision")
GC24_60 = Citation(
    GC24,
    "para. 60",
    "supported by a parent, legal guardian or other appropriate adult during questioning ... audiovisual techniques "
    "should be used where possible",
)
GC24_94 = Citation(
    GC24,
    "para. 94",
    "as close as possible to his or her family's place of residence ... Exceptional circumstances ... clearly "
    "described in law",
)
GC24_95A = Citation(GC24, "para. 95(a)", SUMMARY + "incommunicado detention of a child is prohibited")
HAVANA_60 = Citation(HAVANA, "r. 60", SUMMARY + "visits in principle once a week and not less than once a month")
GC24_95D_CARE = Citation(
    GC24,
    "para. 95(d)",
    SUMMARY + "adequate physical and mental health care, by the health facilities and services of the community",
)
RES76_184_8 = Citation(
    RES_76_184,
    "para. 8",
    "promote the application of the relevant provisions of the United Nations Rules for the Protection of Juveniles "
    "Deprived of their Liberty ... in particular in terms of improving the detention conditions",
)

# --- Obligations of the seeds (RULES.md section 7c) ----------------------------------------------------------------
BANGKOK = "Bangkok Rules (A/RES/65/229)"
PARIS_PRINCIPLES = "Paris Principles (2007)"

# CNS-1
RES79_14 = Citation(
    RES_79_172,
    "para. 14",
    "prompt access to a competent court … and prompt access to legal counsel, which could include legal aid schemes",
)
RES79_15 = Citation(
    RES_79_172,
    "para. 15",
    "independent national mechanisms with the mandate to monitor all places of detention, including by making "
    "unannounced visits, and to hold private interviews without witnesses with all persons deprived of liberty",
)
RES76_184_9_LEGAL_AID = Citation(RES_76_184, "para. 9", SUMMARY + "legal aid")
CRC_37_D_COUNSEL = Citation(
    CRC, "art. 37(d)", SUMMARY + "every child deprived of liberty has prompt access to legal and other assistance"
)
CRC_40_2_B_II = Citation(
    CRC, "art. 40(2)(b)(ii)", SUMMARY + "legal or other appropriate assistance in preparing and presenting a defence"
)
GC24_49_51 = Citation(
    GC24, "paras. 49-51", SUMMARY + "legal or other appropriate assistance from the outset of the proceedings"
)

# HRD-1
CRC_12 = Citation(
    CRC,
    "art. 12",
    SUMMARY + "the right to be heard in any judicial and administrative proceedings affecting the child",
)
GC24_44_46 = Citation(
    GC24, "paras. 44-46", SUMMARY + "the child is heard and participates effectively at every stage of the process"
)

# DIS-1
RES79_7 = Citation(
    RES_79_172,
    "para. 7",
    "if persons with disabilities are deprived of their liberty through any process, they are, on an equal basis "
    "with others, entitled to guarantees in accordance with international human rights law, including by provision "
    "of reasonable accommodation",
)
RES79_37 = Citation(
    RES_79_172,
    "para. 37",
    "accessible information and communications, physical accessibility to relevant premises, gender- and "
    "age-appropriate accommodations that take into account their will and legal counselling",
)

# GIR-1
RES79_10 = Citation(
    RES_79_172,
    "para. 10",
    "maximum protection for women and girls deprived of their liberty from all forms of violence",
)
RES79_9_25 = Citation(RES_79_172, "paras. 9 and 25", SUMMARY + "a gender perspective; the Bangkok Rules")
BANGKOK_22_24_36_39 = Citation(
    BANGKOK,
    "rr. 22, 24, 36-39",
    SUMMARY + "no close confinement or disciplinary segregation of pregnant girls or girls with infants, no "
    "instruments of restraint during labour, birth and immediately after, and gender-specific care for girls held",
)
MANDELA_11A = Citation(MANDELA, "r. 11(a)", SUMMARY + "men and women detained separately")

# ILL-1
RES79_19 = Citation(RES_79_172, "para. 19", "the absolute prohibition of torture … including in police custody")
RES79_31 = Citation(
    RES_79_172,
    "para. 31",
    "prevent and respond to all forms of abuse, exploitation and violence against children, including sexual and "
    "gender-based violence, within the justice system",
)

# REI-1
RES79_30 = Citation(
    RES_79_172,
    "para. 30",
    "reintegration strategies … gender-sensitive education and life skills programmes, as well as treatment and "
    "services for substance abuse and mental health needs",
)
RES76_184_10 = Citation(RES_76_184, "para. 10", SUMMARY + "individual needs and risk assessment; rehabilitation")
HAVANA_27_38_79_80 = Citation(
    HAVANA,
    "rr. 27, 38, 79-80",
    SUMMARY + "an individual assessment and plan on admission, education for every child of compulsory school age, "
    "and arrangements to help the child return to society after release",
)

# CAF-1
RES79_PREAMBLE_CAF = Citation(
    RES_79_172,
    "preamble",
    "Recognizing the specific situation and needs of children formerly associated with armed forces or armed groups "
    "when accused of crimes under international law allegedly committed while they were children associated with "
    "armed forces or armed groups",
)
PARIS_3_6_3_8 = Citation(
    PARIS_PRINCIPLES,
    "paras. 3.6-3.8",
    SUMMARY + "such children are treated primarily as victims, with alternatives to judicial proceedings and "
    "reintegration",
)

# DEL-1
CRC_40_2_B_III = Citation(CRC, "art. 40(2)(b)(iii)", SUMMARY + "a matter determined without delay")
GC24_55 = Citation(
    GC24, "para. 55", SUMMARY + "the time from the offence to the final response is as short as possible"
)

# PTD-12
RES79_26 = Citation(
    RES_79_172,
    "para. 26",
    "review penal policies that can contribute to overincarceration and overcrowding, in particular regarding "
    "so-called “zero-tolerance policies”, such as the application of mandatory pretrial detention and mandatory "
    "minimum sentences",
)

# TRN-1
RES79_39 = Citation(
    RES_79_172,
    "para. 39",
    "tailored and interdisciplinary human rights training, including … disability-inclusive, gender-sensitive and "
    "child rights training … to all judges, lawyers, prosecutors, social workers, immigration, corrections and "
    "police officers",
)
RES76_184_11 = Citation(
    RES_76_184,
    "para. 11",
    "specialized training and education for prison staff and relevant criminal justice officials",
)

# REC-3: sealing and removal of children's records (RULES.md section 7).
GC24_71 = Citation(
    GC24,
    "para. 71",
    "removal of children's criminal records when they reach the age of 18, automatically or, in exceptional cases, "
    "following independent review",
)
GC24_66_70 = Citation(
    GC24,
    "paras. 66-70",
    "closed to third parties except for those directly involved ... lifelong privacy protection",
)
HAVANA_19 = Citation(
    HAVANA,
    "r. 19",
    "Upon release, the records of juveniles shall be sealed, and, at an appropriate time, expunged",
)
RES79_34 = Citation(RES_79_172, "para. 34", "while being mindful of the children's right to privacy")
