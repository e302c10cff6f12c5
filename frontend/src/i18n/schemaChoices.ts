/** Labels of choice lists whose values come from the schema's enums (src/api) and whose words the server already
 * translates (ICCS offence categories, age assessment methods): the same words, keyed by the enum value. */
type Choices = { jj: { choices: { category: Record<string, string>; age_method: Record<string, string> } } };

export const schemaChoices: Record<"en" | "fr" | "es" | "ar", Choices> = {
  en: { jj: { choices: {
    category: {"01": "01 Acts leading to death or intending to cause death", "02": "02 Acts causing harm or intending to cause harm to the person", "03": "03 Injurious acts of a sexual nature", "04": "04 Acts against property involving violence or threat against a person", "05": "05 Acts against property only", "06": "06 Acts involving controlled drugs or other psychoactive substances", "07": "07 Acts involving fraud, deception or corruption", "08": "08 Acts against public order, authority and provisions of the State", "09": "09 Acts against public safety and state security", "10": "10 Acts against the natural environment", "11": "11 Other criminal acts not elsewhere classified"},
    age_method: {"none": "No assessment", "documents": "Documentary evidence", "developmental": "Developmental assessment by specialists", "medical_only": "Medical examination only (bone or dental)"},
  } } },
  fr: { jj: { choices: {
    category: {"01": "01 Actes entraînant la mort ou visant à la causer", "02": "02 Actes causant un préjudice ou visant à causer un préjudice à la personne", "03": "03 Actes préjudiciables de nature sexuelle", "04": "04 Atteintes aux biens avec violence ou menace contre une personne", "05": "05 Atteintes aux biens uniquement", "06": "06 Actes impliquant des drogues placées sous contrôle ou d'autres substances psychoactives", "07": "07 Actes impliquant la fraude, la tromperie ou la corruption", "08": "08 Atteintes à l'ordre public, à l'autorité et aux dispositions de l'État", "09": "09 Atteintes à la sécurité publique et à la sûreté de l'État", "10": "10 Atteintes à l'environnement naturel", "11": "11 Autres actes criminels non classés ailleurs"},
    age_method: {"none": "Aucune évaluation", "documents": "Preuve documentaire", "developmental": "Évaluation du développement par des spécialistes", "medical_only": "Examen médical seul (osseux ou dentaire)"},
  } } },
  es: { jj: { choices: {
    category: {"01": "01 Actos que causan la muerte o tienen la intención de causarla", "02": "02 Actos que causan daño o tienen la intención de causar daño a las personas", "03": "03 Actos lesivos de naturaleza sexual", "04": "04 Actos contra la propiedad con violencia o amenaza contra una persona", "05": "05 Actos contra la propiedad solamente", "06": "06 Actos relacionados con drogas controladas u otras sustancias psicoactivas", "07": "07 Actos de fraude, engaño o corrupción", "08": "08 Actos contra el orden público, la autoridad y las disposiciones del Estado", "09": "09 Actos contra la seguridad pública y la seguridad del Estado", "10": "10 Actos contra el medio ambiente natural", "11": "11 Otros actos delictivos no clasificados en otra parte"},
    age_method: {"none": "Ninguna evaluación", "documents": "Prueba documental", "developmental": "Evaluación del desarrollo por especialistas", "medical_only": "Solo examen médico (óseo o dental)"},
  } } },
  ar: { jj: { choices: {
    category: {"01": "01 أفعال تؤدي إلى الوفاة أو يُقصد بها التسبب فيها", "02": "02 أفعال تسبب ضررًا للشخص أو يُقصد بها إلحاق الضرر به", "03": "03 أفعال ضارة ذات طابع جنسي", "04": "04 أفعال ضد الممتلكات تنطوي على عنف أو تهديد ضد شخص", "05": "05 أفعال ضد الممتلكات فقط", "06": "06 أفعال تتعلق بالمخدرات الخاضعة للرقابة أو المؤثرات العقلية الأخرى", "07": "07 أفعال تنطوي على الاحتيال أو الخداع أو الفساد", "08": "08 أفعال ضد النظام العام والسلطة وأحكام الدولة", "09": "09 أفعال ضد السلامة العامة وأمن الدولة", "10": "10 أفعال ضد البيئة الطبيعية", "11": "11 أفعال إجرامية أخرى غير مصنفة في موضع آخر"},
    age_method: {"none": "لا يوجد تقييم", "documents": "دليل مستندي", "developmental": "تقييم نمائي من قبل مختصين", "medical_only": "فحص طبي فقط (للعظام أو الأسنان)"},
  } } },
};
