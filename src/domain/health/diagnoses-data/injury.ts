import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Injuries, the body's injury (S/T codes) or, for violence, the way it happened (X/Y codes):
// clinicians document assault, self-harm, sexual violence and torture for protection follow-up.
const d = entriesOf('injury');

export const INJURY: readonly Diagnosis[] = [
  d('S09.9', 'Head injury', 'إصابة في الرأس', 'Traumatisme crânien', ['head trauma', 'رضة الرأس']),
  d('S06.0', 'Concussion', 'ارتجاج الدماغ', 'Commotion cérébrale', ['knocked out', 'فقدان الوعي']),
  d('T14.0', 'Bruise or abrasion', 'كدمة أو سحجة', 'Contusion ou écorchure', [
    'bruise',
    'graze',
    'رضوض',
    'hématome',
  ]),
  d('T14.1', 'Open wound', 'جرح مفتوح', 'Plaie ouverte', ['cut', 'laceration', 'جرح', 'coupure']),
  d('T79.3', 'Infected wound', 'جرح ملتهب', 'Plaie infectée', ['wound infection', 'pus', 'صديد']),
  d('T14.2', 'Fracture', 'كسر', 'Fracture', ['broken bone', 'كسر عظم', 'os cassé']),
  d(
    'S52.5',
    'Wrist fracture (lower end of radius)',
    'كسر أسفل عظم الكعبرة (كسر الرسغ)',
    'Fracture du poignet (radius distal)',
    ['broken wrist', 'colles'],
  ),
  d('S22.3', 'Rib fracture', 'كسر الضلع', 'Fracture de côte', ['broken rib']),
  d('T14.3', 'Sprain or strain', 'التواء أو شد عضلي', 'Entorse ou élongation', [
    'sprain',
    'التواء',
    'entorse',
  ]),
  d('S93.4', 'Ankle sprain', 'التواء الكاحل', 'Entorse de la cheville', ['twisted ankle']),
  d('T30.0', 'Burn', 'حرق', 'Brûlure', ['scald', 'حروق', 'brûlé']),
  d('W54', 'Dog bite', 'عضة كلب', 'Morsure de chien', ['animal bite', 'عضة', 'morsure']),
  d('T63.2', 'Scorpion sting', 'لدغة عقرب', 'Piqûre de scorpion', ['envenomation', 'عقرب', 'envenimation']),
  d('T63.0', 'Snake bite', 'لدغة أفعى', 'Morsure de serpent', ['envenomation', 'ثعبان', 'envenimation']),
  d('T75.1', 'Near-drowning', 'الغرق غير المميت', 'Quasi-noyade', [
    'sea rescue',
    'submersion',
    'غرق',
    'noyade',
  ]),
  d('T68', 'Hypothermia', 'انخفاض حرارة الجسم', 'Hypothermie', ['cold exposure', 'برد', 'froid']),
  d('T69.0', 'Immersion foot (trench foot)', 'القدم الغاطسة', "Pied d'immersion (pied de tranchée)", [
    'wet feet',
    'أقدام مبتلة',
  ]),
  d('T58', 'Carbon monoxide poisoning', 'تسمم بأول أكسيد الكربون', 'Intoxication au monoxyde de carbone', [
    'CO',
    'heater',
    'smoke',
    'دخان',
  ]),
  d(
    'Y04',
    'Injury from assault (bodily force)',
    'إصابة من اعتداء (بالقوة الجسدية)',
    'Blessure par agression (force physique)',
    ['beating', 'punched', 'kicked', 'ضرب', 'coups', 'violence'],
  ),
  d(
    'Y00',
    'Injury from assault with a blunt object',
    'إصابة من اعتداء بأداة راضة',
    'Blessure par agression (objet contondant)',
    ['beaten with a stick', 'baton', 'عصا', 'matraque'],
  ),
  d(
    'X99',
    'Injury from assault with a sharp object',
    'إصابة من اعتداء بأداة حادة',
    'Blessure par agression (objet tranchant)',
    ['knife', 'stab', 'سكين', 'طعن', 'couteau'],
  ),
  d('X95', 'Gunshot injury from assault', 'إصابة بطلق ناري من اعتداء', 'Blessure par balle (agression)', [
    'firearm',
    'bullet',
    'رصاص',
    'balle',
  ]),
  d(
    'Y09',
    'Injury from assault (means unspecified)',
    'إصابة من اعتداء (وسيلة غير محددة)',
    'Blessure par agression (moyen non précisé)',
    ['violence', 'عنف'],
  ),
  d('X84', 'Intentional self-harm', 'إيذاء النفس المتعمد', 'Auto-agression intentionnelle', [
    'self-injury',
    'cutting',
    'suicide attempt',
    'محاولة انتحار',
    'tentative de suicide',
  ]),
  d('T74.2', 'Sexual violence', 'عنف جنسي', 'Violence sexuelle', [
    'rape',
    'sexual assault',
    'GBV',
    'اغتصاب',
    'اعتداء جنسي',
    'viol',
    'VBG',
  ]),
  d(
    'Z65.4',
    'Victim of torture (sequelae)',
    'ضحية تعذيب (عقابيل التعذيب)',
    'Victime de torture (séquelles)',
    ['torture', 'تعذيب', 'ill-treatment', 'mauvais traitements'],
  ),
];
