import type { ItemCreate } from '../../../../domain/supplies/catalogue';

// The demo clinic's essential medicines (WHO essential-medicines names, ATC codes).

export interface DemoItem extends ItemCreate {
  /** about how many base units one centre's store uses in a month */
  monthlyUse: number;
  /** months of shelf life when received */
  shelfLifeMonths: number;
}

const medicine = (
  code: string,
  name: string,
  nameAr: string,
  nameFr: string,
  m: {
    ingredient: string;
    strength: string;
    form: ItemCreate['form'];
    atc: string;
    unit: ItemCreate['baseUnit'];
    pack: number;
  },
  monthlyUse: number,
  shelfLifeMonths = 24,
): DemoItem => ({
  code,
  name,
  nameAr,
  nameFr,
  category: 'medicine',
  baseUnit: m.unit,
  packSize: m.pack,
  activeIngredient: m.ingredient,
  strength: m.strength,
  form: m.form,
  atcCode: m.atc,
  monthlyUse,
  shelfLifeMonths,
});

export const DEMO_MEDICINES: readonly DemoItem[] = [
  medicine(
    'MED-ORS',
    'Oral rehydration salts, sachet for 1 L',
    'أملاح الإماهة الفموية، كيس للتر',
    'Sels de réhydratation orale, sachet pour 1 L',
    {
      ingredient: 'oral rehydration salts',
      strength: '20.5 g/L',
      form: 'oral_powder',
      atc: 'A07CA',
      unit: 'sachet',
      pack: 100,
    },
    300,
  ),
  medicine(
    'MED-ZINC',
    'Zinc sulfate 20 mg dispersible tablet',
    'كبريتات الزنك ٢٠ ملغ أقراص قابلة للذوبان',
    'Sulfate de zinc 20 mg comprimé dispersible',
    {
      ingredient: 'zinc sulfate',
      strength: '20 mg',
      form: 'tablet',
      atc: 'A12CB01',
      unit: 'tablet',
      pack: 100,
    },
    200,
  ),
  medicine(
    'MED-AMOX',
    'Amoxicillin 500 mg capsule',
    'أموكسيسيلين ٥٠٠ ملغ كبسولات',
    'Amoxicilline 500 mg gélule',
    {
      ingredient: 'amoxicillin',
      strength: '500 mg',
      form: 'capsule',
      atc: 'J01CA04',
      unit: 'capsule',
      pack: 20,
    },
    600,
  ),
  medicine(
    'MED-COTRI',
    'Co-trimoxazole 400/80 mg tablet',
    'كو-تريموكسازول ٤٠٠/٨٠ ملغ أقراص',
    'Cotrimoxazole 400/80 mg comprimé',
    {
      ingredient: 'sulfamethoxazole + trimethoprim',
      strength: '400 mg + 80 mg',
      form: 'tablet',
      atc: 'J01EE01',
      unit: 'tablet',
      pack: 100,
    },
    200,
  ),
  medicine(
    'MED-METRO',
    'Metronidazole 250 mg tablet',
    'ميترونيدازول ٢٥٠ ملغ أقراص',
    'Métronidazole 250 mg comprimé',
    {
      ingredient: 'metronidazole',
      strength: '250 mg',
      form: 'tablet',
      atc: 'P01AB01',
      unit: 'tablet',
      pack: 100,
    },
    250,
  ),
  medicine(
    'MED-PARA',
    'Paracetamol 500 mg tablet',
    'باراسيتامول ٥٠٠ ملغ أقراص',
    'Paracétamol 500 mg comprimé',
    {
      ingredient: 'paracetamol',
      strength: '500 mg',
      form: 'tablet',
      atc: 'N02BE01',
      unit: 'tablet',
      pack: 100,
    },
    1500,
  ),
  medicine(
    'MED-IBU',
    'Ibuprofen 400 mg tablet',
    'إيبوبروفين ٤٠٠ ملغ أقراص',
    'Ibuprofène 400 mg comprimé',
    {
      ingredient: 'ibuprofen',
      strength: '400 mg',
      form: 'tablet',
      atc: 'M01AE01',
      unit: 'tablet',
      pack: 100,
    },
    800,
  ),
  medicine(
    'MED-PARA-SYR',
    'Paracetamol 120 mg/5 mL syrup, 60 mL',
    'شراب باراسيتامول ١٢٠ ملغ/٥ مل، ٦٠ مل',
    'Paracétamol sirop 120 mg/5 mL, 60 mL',
    {
      ingredient: 'paracetamol',
      strength: '120 mg/5 mL',
      form: 'syrup',
      atc: 'N02BE01',
      unit: 'bottle',
      pack: 1,
    },
    20,
    12,
  ),
  medicine(
    'MED-LOPER',
    'Loperamide 2 mg tablet',
    'لوبيراميد ٢ ملغ أقراص',
    'Lopéramide 2 mg comprimé',
    { ingredient: 'loperamide', strength: '2 mg', form: 'tablet', atc: 'A07DA03', unit: 'tablet', pack: 100 },
    100,
  ),
  medicine(
    'MED-PERM',
    'Permethrin 5% cream, 30 g',
    'كريم بيرميثرين ٥٪، ٣٠ غ',
    'Perméthrine crème 5 %, 30 g',
    { ingredient: 'permethrin', strength: '5%', form: 'cream', atc: 'P03AC04', unit: 'tube', pack: 1 },
    60,
    24,
  ),
  medicine(
    'MED-BENZ',
    'Benzyl benzoate 25% lotion, 100 mL',
    'غسول بنزيل بنزوات ٢٥٪، ١٠٠ مل',
    'Benzoate de benzyle lotion 25 %, 100 mL',
    {
      ingredient: 'benzyl benzoate',
      strength: '25%',
      form: 'other',
      atc: 'P03AX01',
      unit: 'bottle',
      pack: 1,
    },
    30,
    24,
  ),
  medicine(
    'MED-SALB',
    'Salbutamol 100 µg/dose inhaler',
    'بخاخ سالبوتامول ١٠٠ ميكروغرام/جرعة',
    'Salbutamol 100 µg/dose aérosol',
    {
      ingredient: 'salbutamol',
      strength: '100 µg/dose',
      form: 'inhaler',
      atc: 'R03AC02',
      unit: 'piece',
      pack: 1,
    },
    8,
    24,
  ),
  medicine(
    'MED-OMEP',
    'Omeprazole 20 mg capsule',
    'أوميبرازول ٢٠ ملغ كبسولات',
    'Oméprazole 20 mg gélule',
    {
      ingredient: 'omeprazole',
      strength: '20 mg',
      form: 'capsule',
      atc: 'A02BC01',
      unit: 'capsule',
      pack: 28,
    },
    200,
  ),
  medicine(
    'MED-CHLORH',
    'Chlorhexidine 5% solution, 100 mL',
    'محلول كلورهيكسيدين ٥٪، ١٠٠ مل',
    'Chlorhexidine solution 5 %, 100 mL',
    { ingredient: 'chlorhexidine', strength: '5%', form: 'other', atc: 'D08AC02', unit: 'bottle', pack: 1 },
    15,
    24,
  ),
  medicine(
    'MED-FERRO',
    'Ferrous sulfate + folic acid tablet',
    'كبريتات الحديدوز + حمض الفوليك أقراص',
    'Sulfate ferreux + acide folique comprimé',
    {
      ingredient: 'ferrous sulfate + folic acid',
      strength: '200 mg + 0.4 mg',
      form: 'tablet',
      atc: 'B03AD03',
      unit: 'tablet',
      pack: 100,
    },
    150,
  ),
  medicine(
    'MED-ALBEN',
    'Albendazole 400 mg tablet',
    'ألبيندازول ٤٠٠ ملغ أقراص',
    'Albendazole 400 mg comprimé',
    {
      ingredient: 'albendazole',
      strength: '400 mg',
      form: 'tablet',
      atc: 'P02CA03',
      unit: 'tablet',
      pack: 100,
    },
    60,
  ),
];
