import type { DuplicateSubject } from './duplicates';

/**
 * Real-world spelling variants for duplicate detection, shared by the domain test and the API
 * test (which registers the pool and asks the server). Test data, not used at run time.
 */
// Notation: a name is "Given | Family # original script" (either half may be empty); a birth is
// "YYYY-MM-DD" (exact), "~YYYY" (estimated, stored as 1 July) or "" (unknown); sex M/F.
export type Sex = 'M' | 'F';
export interface Subject extends DuplicateSubject {
  label: string;
}

export function subject(label: string, name: string, sex: Sex, nationality: string, born: string): Subject {
  const [latin = '', original = ''] = name.split('#').map((s) => s.trim());
  const [givenName = '', familyName = ''] = latin.split('|').map((s) => s.trim());
  const estimated = born.startsWith('~');
  return {
    label,
    givenName,
    familyName,
    ...(original ? { fullNameOriginal: original } : {}),
    sex: sex === 'M' ? 'male' : 'female',
    ...(born ? { birthDate: estimated ? `${born.slice(1)}-07-01` : born } : {}),
    birthDateEstimated: estimated,
    nationality,
  };
}

/**
 * The same person registered twice: [id, as typed now, as on the existing record, sex,
 * nationality, birth now, birth on record].
 */
export const PAIRS: [string, string, string, Sex, string, string, string][] = [
  // Latin ↔ Latin
  ['sdn-abdelrahman', 'Muhamad | Abd al-Rahman', 'Mohammed | Abdelrahman', 'M', 'SDN', '~1996', '1995-05-10'],
  ['egy-ibrahim', 'Mohamed | Ibrahim', 'Muhammad | Ebrahim', 'M', 'EGY', '1990-02-14', '1990-02-14'],
  ['mli-diallo', 'Ousmane | Diallo', 'Usman | Diallo', 'M', 'MLI', '~1998', '~1999'],
  ['sdn-elamin', 'Youssef | El-Amin', 'Yusuf | Alamin', 'M', 'SDN', '~2000', '2001-03-03'],
  ['mli-traore', 'Ibrahima | Traoré', 'Ibrahim | Traore', 'M', 'MLI', '1993-08-19', '1993-08-19'],
  ['tcd-mahamat', 'Aboubakar | Mahamat', 'Abubakar | Mohamed', 'M', 'TCD', '~1987', '~1988'],
  ['ner-issa', 'Fatouma | Issa', 'Fatima | Aissa', 'F', 'NER', '~1999', '~1997'],
  ['civ-kone', 'Aïcha | Koné', 'Aisha | Kone', 'F', 'CIV', '2002-11-30', '2002-11-30'],
  ['sdn-ali', 'Hussein | Ali', 'Husayn | Aly', 'M', 'SDN', '~1985', '~1986'],
  ['egy-abdelaziz', 'Khaled | Abdelaziz', 'Khalid | Abd al-Aziz', 'M', 'EGY', '1991-04-01', '1991-04-01'],
  ['som-omar', 'Omar | Hassan', 'Umar | Hasan', 'M', 'SOM', '~1997', '1996-01-01'],
  ['eri-haile', 'Tesfaye | Haile', 'Tesfay | Hailé', 'M', 'ERI', '~1994', '~1995'],
  [
    'eri-gebremedhin',
    'Yohannes | Gebremedhin',
    'Yohanes | Ghebremedhin',
    'M',
    'ERI',
    '1989-09-09',
    '1989-09-09',
  ],
  ['bgd-rahman', 'Md. | Rahman', 'Mohammad | Rahman', 'M', 'BGD', '1992-12-01', '1992-12-01'],
  ['sen-sow', 'Mamadou | Sow', 'Mohamadou | Sow', 'M', 'SEN', '~2003', '~2003'],
  ['mli-ould', 'Mohamed | Ould Ahmed', 'Mohammed | Ahmed', 'M', 'MLI', '~1984', '1983-06-15'],
  ['som-farah', 'Abdirahman | Farah', 'Abdulrahman | Faarah', 'M', 'SOM', '~1995', '~1993'],
  ['tcd-benyoussef', 'Brahim | Ben Youssef', 'Ibrahim | Yusuf', 'M', 'TCD', '~1990', '~1990'],
  ['tcd-adoum', 'Idriss | Adoum', 'Idris | Adam', 'M', 'TCD', '~2001', '~2000'],
  ['sen-cisse', 'Souleymane | Cissé', 'Suleiman | Cisse', 'M', 'SEN', '1996-07-07', '1996-07-07'],
  ['mli-coulibaly', 'Moussa | Koulibaly', 'Musa | Coulibaly', 'M', 'MLI', '~1998', '~1998'],
  ['sen-ndiaye', 'Abdoulaye | Ndiaye', "Abdulaye | N'Diaye", 'M', 'SEN', '~1992', '~1991'],
  ['nga-bello', 'Hamza | Bello', 'Hamzah | Belo', 'M', 'NGA', '1999-01-20', '1999-01-20'],
  ['gha-mensah', 'Kwame | Mensah', 'Kwame | Mensa', 'M', 'GHA', '~1995', '~1996'],
  ['nga-adeyemi', 'Oluwaseun | Adeyemi', 'Adeyemi | Oluwaseun', 'M', 'NGA', '1994-05-05', '1994-05-05'],
  ['nga-abubakar', 'Ahmed | Abubakar', 'Ahmad | Aboubakar', 'M', 'NGA', '~1988', '~1989'],
  ['mli-toure', 'Mariam | Touré', 'Maryam | Toure', 'F', 'MLI', '~2004', '2004-02-02'],
  ['sdn-khadija', 'Khadija | Adam', 'Khadidja | Adam', 'F', 'SDN', '~1990', '~1992'],
  ['sdn-salaheddine', 'Salah | Eldin Osman', 'Salaheddine | Othman', 'M', 'SDN', '~1979', '~1980'],
  [
    'egy-abdelkader',
    'Mustafa | Abdelkader',
    'Moustapha | Abdel Kader',
    'M',
    'EGY',
    '1986-10-10',
    '1986-10-10',
  ],
  ['sdn-ishag', 'Yahya | Ishag', 'Yahia | Ishaq', 'M', 'SDN', '~1999', '~2000'],
  ['sen-ba', 'Djibril | Ba', 'Jibril | Bah', 'M', 'SEN', '~1997', '~1997'],
  ['tcd-hawa', 'Hawa | Abakar', 'Awa | Aboubakar', 'F', 'TCD', '~1993', '~1994'],
  ['bgd-miah', 'Hossain | Miah', 'Hussain | Mia', 'M', 'BGD', '1990-03-03', '1990-03-03'],
  ['bgd-chowdhury', 'Abdul Karim | Chowdhury', 'Abdulkarim | Choudhury', 'M', 'BGD', '~1985', '~1985'],
  ['bgd-islam', 'Shafiqul | Islam', 'Shafikul | Islam', 'M', 'BGD', '1998-08-08', '1998-08-08'],
  ['eri-tekle', 'Mehret | Tekle', 'Mehrit | Teklay', 'F', 'ERI', '~2000', '~2001'],
  ['som-warsame', 'Abdullahi | Warsame', 'Abdallah | Warsame', 'M', 'SOM', '~1991', '~1991'],
  ['som-jama', 'Said | Jama', 'Saeed | Jama', 'M', 'SOM', '~1994', '~1996'],
  ['som-zeinab', 'Zeinab | Mohamud', 'Zainab | Mahmoud', 'F', 'SOM', '~2002', '~2001'],
  // original script ↔ Latin (and original ↔ original)
  ['sdn-ar-taher', '# يوسف الطاهر', 'Youssef | Eltaher', 'M', 'SDN', '~1993', '~1994'],
  ['sdn-ar-osman', '# عثمان حسين', 'Ousmane | Houssein', 'M', 'SDN', '~1989', '~1990'],
  ['tcd-ar-fatma', '# فاطمة عمر', 'Fatma | Oumar', 'F', 'TCD', '~1997', '~1998'],
  ['sdn-ar-aisha', '# عائشة يحيى', 'Aicha | Yahia', 'F', 'SDN', '~2001', '~2001'],
  [
    'sdn-ar-khalid',
    'Khaled | Lamine # خالد الأمين',
    'Khalid | El-Amin',
    'M',
    'SDN',
    '1994-04-04',
    '1994-04-04',
  ],
  ['tcd-ar-abubakr', '# أبو بكر إدريس', 'Abubakar | Idriss', 'M', 'TCD', '~1990', '~1991'],
  ['egy-ar-mahmoud', '# أحمد محمود', 'Ahmed | Mahmoud', 'M', 'EGY', '1995-12-12', '1995-12-12'],
  ['sdn-ar-abdalla', 'Hassan | Abdalla', '# حسن عبد الله', 'M', 'SDN', '~1982', '~1983'],
  ['ner-ar-ismail', '# إسماعيل سليمان', 'Ismail | Souleymane', 'M', 'NER', '~1998', '~1996'],
  [
    'sdn-ar-both',
    'Abderrahmane | Adam # عبدالرحمن آدم',
    'Abdourahman | Adum # عبد الرحمن ادم',
    'M',
    'SDN',
    '~1983',
    '~1984',
  ],
  ['eri-geez', '# ተስፋዬ ዮሐንስ', 'Tesfay | Yohannes', 'M', 'ERI', '~1992', '~1992'],
  ['bgd-bengali', '# মোহাম্মদ ইসলাম', 'Md | Islam', 'M', 'BGD', '1987-01-01', '1987-01-01'],
  ['tcd-ar-nour', 'Mahamat | Nour', '# محمد نور', 'M', 'TCD', '~1996', '~1995'],
  ['sdn-ar-tayeb', '# عمر الطيب', 'Omar | Eltayeb', 'M', 'SDN', '~1975', '~1976'],
  ['egy-ar-gamal', '# جمال عبد الناصر', 'Gamal | Abdel Nasser', 'M', 'EGY', '~1970', '1969-01-15'],
  ['sdn-ar-bishara', '# بشارة مبارك', 'Bishara | Mubarak', 'M', 'SDN', '~1988', '~1987'],
];

export const queries = new Map(
  PAIRS.map(([id, q, , sex, nat, born]) => [id, subject(`query ${id}`, q, sex, nat, born)]),
);
export const matches = new Map(
  PAIRS.map(([id, , m, sex, nat, , born]) => [id, subject(`match ${id}`, m, sex, nat, born)]),
);
export const query = (id: string) => queries.get(id)!;
export const match = (id: string) => matches.get(id)!;

/**
 * Near misses: a different person who is easy to mistake for the pair's person. By default they
 * share the existing record's sex, nationality and birth and differ only by the name given here;
 * names these tests treat as different: Mohamed/Mahmoud, Ahmed/Hamid, Omar/Amer, Hassan/Hussein,
 * Said/Sayed, Salah/Saleh, Khaled/Khalil, Gamal/Kamal, Rahman/Rahim, Mamadou/Mohamed, Yusuf/Yunus.
 */
export const NEAR: [pair: string, name: string, change?: { sex?: Sex; nat?: string; born?: string }][] = [
  ['sdn-abdelrahman', 'Mahmoud | Abdelrahman'],
  ['sdn-abdelrahman', 'Mohammed | Abdelrahim'],
  ['egy-ibrahim', 'Hamid | Ibrahim'],
  ['egy-ibrahim', 'Mohamed | Ibrahim', { born: '1991-02-14' }],
  ['mli-diallo', 'Mamadou | Diallo'],
  ['sdn-elamin', 'Yunus | El-Amin'],
  ['mli-traore', 'Ibrahima | Touré'],
  ['tcd-mahamat', 'Aboubakar | Mahmoud'],
  ['ner-issa', 'Fatouma | Moussa'],
  ['civ-kone', 'Amina | Kone'],
  ['civ-kone', 'Aïcha | Koné', { born: '2002-03-11' }],
  ['sdn-ali', 'Hassan | Ali'],
  ['egy-abdelaziz', 'Khalil | Abdelaziz'],
  ['som-omar', 'Amer | Hassan'],
  ['som-omar', 'Omar | Hussein'],
  ['eri-haile', 'Tesfaye | Habte'],
  ['eri-gebremedhin', 'Yohannes | Gebrehiwet'],
  ['bgd-rahman', 'Mahmud | Rahman'],
  ['sen-sow', 'Mohamed | Sow'],
  ['mli-ould', 'Mahmoud | Ould Ahmed'],
  ['som-farah', 'Abdirahim | Farah'],
  ['tcd-adoum', 'Idriss | Ahmat'],
  ['sen-cisse', 'Souleymane | Sy'],
  ['mli-coulibaly', 'Moussa | Kouyaté'],
  ['nga-bello', 'Hamza | Bala'],
  ['nga-abubakar', 'Hamid | Abubakar'],
  ['mli-toure', 'Aminata | Touré'],
  ['sdn-khadija', 'Halima | Adam'],
  ['sdn-salaheddine', 'Saleh | Osman'],
  ['egy-abdelkader', 'Mustafa | Abdelkarim'],
  ['sdn-ishag', 'Yassin | Ishag'],
  ['sen-ba', 'Djibril | Barry'],
  ['bgd-miah', 'Hasan | Miah'],
  ['bgd-islam', 'Shariful | Islam'],
  ['som-jama', 'Sayed | Jama'],
  ['som-zeinab', 'Zeinab | Mohamed'],
  ['sdn-ar-osman', 'Othman | Hassan'],
  ['sdn-ar-khalid', 'Khalil | Elamin'],
  ['tcd-ar-fatma', 'Fatma | Amer'],
  ['egy-ar-mahmoud', 'Hamid | Mahmoud'],
  ['egy-ar-gamal', 'Kamal | Abdel Nasser'],
  ['sdn-ar-aisha', 'Asma | Yahia'],
  ['sdn-ar-taher', 'Yunus | Eltaher'],
  ['tcd-ar-nour', 'Mahmoud | Nour'],
  ['sdn-ar-tayeb', 'Amer | Eltayeb'],
  // same name as typed now, but another person by sex, nationality or age
  ['sdn-ar-bishara', '# بشارة مبارك', { sex: 'F' }],
  ['tcd-ar-abubakr', '# أبو بكر إدريس', { nat: 'SDN' }],
  ['ner-ar-ismail', '# إسماعيل سليمان', { born: '~1990' }],
  ['eri-geez', 'Tesfaye | Yohannes', { born: '~1985' }],
  ['bgd-bengali', 'Mohammad | Islam', { nat: 'PAK' }],
];

export const nearMisses = NEAR.map(([pair, name, change = {}], i) => {
  const m = match(pair);
  const born = change.born ?? (m.birthDateEstimated ? `~${m.birthDate!.slice(0, 4)}` : (m.birthDate ?? ''));
  const sex = change.sex ?? (m.sex === 'male' ? 'M' : 'F');
  return { pair, near: subject(`near ${i} ${pair} ${name}`, name, sex, change.nat ?? m.nationality, born) };
});

/** For every pair: the name exactly as typed now, on someone of the other sex, country or age. */
export const NEIGHBOUR: Record<string, string> = {
  SDN: 'TCD',
  TCD: 'SDN',
  MLI: 'SEN',
  SEN: 'MLI',
  BGD: 'PAK',
};
export const derived = PAIRS.flatMap(([id, q, , sex, nat, born]) => {
  const year = Number(match(id).birthDate!.slice(0, 4));
  return [
    subject(`other sex ${id}`, q, sex === 'M' ? 'F' : 'M', nat, born),
    subject(`other country ${id}`, q, sex, NEIGHBOUR[nat] ?? 'LBY', born),
    subject(`other age ${id}`, q, sex, nat, `~${year + 6}`),
  ];
});

export const POOL: Subject[] = [...matches.values(), ...nearMisses.map((n) => n.near), ...derived];
