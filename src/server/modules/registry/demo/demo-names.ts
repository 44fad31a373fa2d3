// Curated names for the fictional demo people (DESIGN §10): common given and family names per
// nationality, each with its usual Latin spellings (the first is the most common) and, where the
// name is written in another script, its original form. Pure data; any likeness is accidental.
//
// Entry syntax: entries separated by ";", Latin spellings by "/", the original script after "=".
// e.g. "Mohamed/Mohammed/Muhammad/Mohamad=محمد". This file: North Africa, Sudan, Chad, the Horn,
// the Levant and South Asia; demo-names-west.ts: West and Central Africa.

import { WEST_AFRICA } from './demo-names-west';
import type { NameBook } from './name-book';

export type { NameBook };

const MUHAMMAD = 'Mohamed/Mohammed/Muhammad/Mohamad=محمد';
const AHMED = 'Ahmed/Ahmad=أحمد';

const NORTH_AND_EAST: NameBook[] = [
  {
    nationality: 'EGY',
    weight: 12,
    women: 0.03,
    script: 0.85,
    twoPart: 0.6,
    patronymic: true,
    languages: [['ar'], ['ar'], ['ar', 'en']],
    dial: '20',
    passport: 0.55,
    nationalId: 0.3,
    male: `${MUHAMMAD};${AHMED};Mahmoud/Mahmud=محمود;Mostafa/Moustafa/Mustafa=مصطفى;Ibrahim/Ebrahim=إبراهيم;Ali/Aly=علي;Hassan/Hasan=حسن;Hussein/Hossein/Husein=حسين;Khaled/Khalid=خالد;Amr/Amro=عمرو;Omar/Umar=عمر;Tarek/Tariq=طارق;Youssef/Yousef/Yusuf=يوسف;Abdelrahman/Abdel Rahman/Abd al-Rahman/Abdulrahman=عبد الرحمن;Abdallah/Abdullah=عبد الله;Islam/Eslam=إسلام;Karim/Kareem=كريم;Mohsen/Muhsin=محسن;Sayed/Sayyid=سيد;Walid/Waleed=وليد;Ashraf=أشرف;Sherif/Shereef=شريف;Ayman=أيمن;Gamal/Jamal=جمال`,
    female:
      'Fatma/Fatima=فاطمة;Mona/Muna=منى;Amal=أمل;Heba/Hiba=هبة;Nour/Nur=نور;Aya/Ayah=آية;Asmaa/Asma=أسماء',
    family: `${MUHAMMAD};${AHMED};Ibrahim/Ebrahim=إبراهيم;Hassan/Hasan=حسن;Mahmoud/Mahmud=محمود;Ali/Aly=علي;Abdelaziz/Abdel Aziz/Abd al-Aziz=عبد العزيز;El-Sayed/Elsayed/Al-Sayed=السيد;Abdelhamid/Abdel Hamid=عبد الحميد;Mostafa/Moustafa=مصطفى;Fathy/Fathi=فتحي;Ramadan/Ramadhan=رمضان;Shaaban/Shaban=شعبان;Salem/Salim=سالم;Abdou/Abdo=عبده;Farouk/Farouq=فاروق;Soliman/Suleiman=سليمان;Hegazy/Hegazi/Higazi=حجازي;El-Masry/Elmasry/Al-Masri=المصري;Saad/Sa'ad=سعد;Attia/Atia=عطية;Gaber/Jaber=جابر;Hamdy/Hamdi=حمدي;Zaki/Zaky=زكي;Abdelfattah/Abdel Fattah=عبد الفتاح`,
  },
  {
    nationality: 'SDN',
    weight: 13,
    women: 0.12,
    script: 0.85,
    twoPart: 0.6,
    patronymic: true,
    languages: [['ar'], ['ar'], ['ar', 'en'], ['ar', 'fvr']],
    dial: '249',
    passport: 0.15,
    nationalId: 0.2,
    male: `${MUHAMMAD};${AHMED};Osman/Othman/Usman=عثمان;Abdelrahman/Abdel Rahman/Abd al-Rahman=عبد الرحمن;Abdalla/Abdallah/Abdullah=عبد الله;Omer/Omar=عمر;Hamid/Hamed=حامد;Adam/Adem=آدم;Ismail/Ismael=إسماعيل;Yousif/Yousef/Yusuf=يوسف;Elfatih/El Fatih/Al-Fatih=الفاتح;Mustafa/Mostafa=مصطفى;Hassan/Hasan=حسن;Hussein/Husein=حسين;Musa/Moussa=موسى;Ibrahim/Ebrahim=إبراهيم;Salah/Salaheldin=صلاح;Babiker/Babikir=بابكر;Awad/Awadh=عوض;Elsadig/Sadig/Al-Sadiq=الصادق;Eltayeb/Al-Tayyib/Tayeb=الطيب;Ishag/Ishaq/Ishak=إسحاق;Yahya/Yahia=يحيى;Mubarak/Mobarak=مبارك`,
    female:
      'Fatima/Fatma=فاطمة;Amna/Amina=آمنة;Hawa/Hawaa=حواء;Khadija/Khadiga=خديجة;Asha/Aisha=عائشة;Mariam/Maryam=مريم;Zeinab/Zainab=زينب;Halima/Haleema=حليمة;Sara/Sarah=سارة;Nafisa/Nafeesa=نفيسة;Ikhlas/Ekhlas=إخلاص',
    family: `${MUHAMMAD};${AHMED};Osman/Othman=عثمان;Abdalla/Abdallah=عبد الله;Adam/Adem=آدم;Ibrahim/Ebrahim=إبراهيم;Hassan/Hasan=حسن;Ali/Aly=علي;Yousif/Yousef=يوسف;Musa/Moussa=موسى;Idris/Idriss=إدريس;Ishag/Ishaq=إسحاق;Eltayeb/Al-Tayeb=الطيب;Abbas/Abas=عباس;Hamid/Hamed=حامد;Babiker/Babikir=بابكر;Elamin/El-Amin/Alamin=الأمين;Abdelgadir/Abdel Gadir/Abdelkader=عبد القادر;Elhassan/Al-Hassan=الحسن;Bashir/Basheer=بشير;Hamdan=حمدان;Suliman/Suleiman=سليمان;Yagoub/Yacoub/Yaqub=يعقوب;Haroun/Harun=هارون;Zakaria/Zakariya=زكريا`,
  },
  {
    nationality: 'TCD',
    weight: 7,
    women: 0.1,
    script: 0.55,
    twoPart: 0.35,
    patronymic: true,
    languages: [['ar', 'fr'], ['ar'], ['ar', 'fr']],
    dial: '235',
    passport: 0.1,
    nationalId: 0.15,
    male: 'Mahamat/Mahamad/Mohamed/Mohammed=محمد;Abakar/Aboubakar/Abubakar=أبكر;Moussa/Musa=موسى;Adoum/Adam=آدم;Hassane/Hassan=حسن;Hissein/Hussein/Hissen=حسين;Idriss/Idris=إدريس;Ahmat/Ahmed=أحمد;Youssouf/Yusuf/Yousouf=يوسف;Abdelkerim/Abdel Karim/Abdoulkarim=عبد الكريم;Oumar/Omar=عمر;Brahim/Ibrahim=إبراهيم;Saleh/Salih=صالح;Haroun/Harun=هارون;Issa/Aissa=عيسى;Djibrine/Djibril/Jibril=جبريل;Abdoulaye/Abdallah=عبد الله;Ali/Aly=علي;Zakaria/Zakariya=زكريا',
    female:
      'Achta/Aicha/Aisha=عائشة;Fatimé/Fatime/Fatima=فاطمة;Khadidja/Khadija=خديجة;Halimé/Halima=حليمة;Hawa/Hawaye=حواء;Zara/Zahra=زهرة;Mariam/Maryam=مريم;Amina/Aminé=أمينة',
    family:
      'Mahamat/Mahamad/Mohamed=محمد;Abakar/Aboubakar=أبكر;Moussa/Musa=موسى;Adoum/Adam=آدم;Hassane/Hassan=حسن;Hissein/Hussein=حسين;Idriss/Idris=إدريس;Ahmat/Ahmed=أحمد;Youssouf/Yusuf=يوسف;Abdelkerim/Abdel Karim=عبد الكريم;Djibrine/Djibril=جبريل;Abderaman/Abderamane/Abdelrahman=عبد الرحمن;Nour/Nur=نور;Yaya/Yahya=يحيى;Acheikh/Al-Sheikh=الشيخ;Saleh/Salih=صالح;Outman/Ousmane/Othman=عثمان;Zakaria/Zakariya=زكريا;Haroun/Harun=هارون',
  },
  {
    nationality: 'SYR',
    weight: 3,
    women: 0.2,
    script: 0.9,
    twoPart: 0.2,
    patronymic: false,
    languages: [['ar'], ['ar', 'ku'], ['ar', 'en']],
    dial: '963',
    passport: 0.6,
    nationalId: 0.3,
    male: 'Mohammad/Muhammad/Mohamad/Mohammed=محمد;Ahmad/Ahmed=أحمد;Khaled/Khalid=خالد;Omar/Umar=عمر;Ali/Aly=علي;Hussein/Husayn=حسين;Mahmoud/Mahmud=محمود;Abdulrahman/Abd al-Rahman/Abdelrahman=عبد الرحمن;Mustafa/Moustafa=مصطفى;Yousef/Yusuf=يوسف;Bilal/Belal=بلال;Hamza/Hamzah=حمزة;Anas/Annas=أنس;Obada/Ubada=عبادة;Firas/Feras=فراس;Rami/Ramy=رامي;Samer/Samir=سامر;Fadi/Fady=فادي;Alaa/Ala=علاء;Moaz/Muaz=معاذ',
    female:
      'Fatima/Fatimah=فاطمة;Rasha=رشا;Lina/Leena=لينا;Reem/Rim=ريم;Hala/Halah=هالة;Rania/Ranya=رانيا;Nour/Nur=نور;Aya/Ayah=آية',
    family:
      'Al-Ali/Alali/El Ali=العلي;Al-Hassan/Alhasan=الحسن;Al-Ahmad/Alahmad=الأحمد;Al-Khatib/Alkhatib/El Khatib=الخطيب;Al-Hamoud/Hamoud=الحمود;Darwish/Darwich=درويش;Haddad/Hadad=حداد;Al-Omar/Alomar=العمر;Al-Saleh/Alsaleh=الصالح;Al-Halabi/Halabi=الحلبي;Khalil/Khaleel=خليل;Al-Hussein/Alhussein=الحسين;Mansour/Mansur=منصور;Suleiman/Sulaiman=سليمان;Al-Jasem/Aljasim=الجاسم;Hamdan=حمدان;Othman/Osman=عثمان;Al-Kurdi/Kurdi=الكردي',
  },
  {
    nationality: 'MAR',
    weight: 2,
    women: 0.05,
    script: 0.8,
    twoPart: 0,
    patronymic: false,
    languages: [['ar', 'fr'], ['ar'], ['ar', 'tzm']],
    dial: '212',
    passport: 0.6,
    nationalId: 0.35,
    male: 'Mohamed/Mohammed/Mohamad=محمد;Youssef/Youssouf/Yousef=يوسف;Ayoub/Ayyub=أيوب;Hamza/Hamzah=حمزة;Yassine/Yasin/Yacine=ياسين;Anas/Annas=أنس;Othmane/Othman/Osman=عثمان;Mehdi/Mahdi=مهدي;Rachid/Rashid=رشيد;Abdelali/Abdel Ali=عبد العالي;Zakaria/Zakariya=زكرياء;Ismail/Smail=إسماعيل;Soufiane/Sofiane/Sufyan=سفيان;Ilyas/Ilias/Elias=إلياس;Bilal/Belal=بلال;Omar/Oumar=عمر;Hicham/Hisham=هشام;Said/Saeed=سعيد',
    female:
      'Fatima/Fatimazahra=فاطمة;Khadija/Khadidja=خديجة;Salma/Selma=سلمى;Imane/Iman=إيمان;Meriem/Maryam=مريم',
    family:
      'El Idrissi/Idrissi/Al-Idrisi=الإدريسي;Benali/Ben Ali=بنعلي;Alaoui/El Alaoui=العلوي;Bennani/Benani=بناني;Tazi=التازي;El Amrani/Amrani=العمراني;Bouzid=بوزيد;Chraibi/Cheraibi=الشرايبي;El Fassi/Fassi=الفاسي;Berrada=برادة;Benjelloun/Ben Jelloun=بنجلون;Lahlou=لحلو;Ziani=الزياني;Naciri/Nasiri=الناصري;Boukhari/Bukhari=البخاري;Mansouri/Mansuri=المنصوري;Belhaj/Belhadj=بلحاج',
  },
  {
    nationality: 'ERI',
    weight: 5,
    women: 0.22,
    script: 0.7,
    twoPart: 0.3,
    patronymic: true,
    languages: [['ti'], ['ti'], ['ti', 'ar'], ['ti', 'en']],
    dial: '291',
    passport: 0.05,
    nationalId: 0.25,
    male: 'Yohannes/Yohanes/Johannes=ዮሃንስ;Tesfay/Tesfai/Tesfaye=ተስፋይ;Kidane/Kidan=ኪዳነ;Mehari/Mihary=መሓሪ;Berhane/Birhane=ብርሃነ;Tekle/Tecle=ተኽለ;Amanuel/Emmanuel=ኣማኑኤል;Dawit=ዳዊት;Filmon/Filimon=ፍሊሞን;Henok=ሄኖክ;Ermias/Ermyas=ኤርምያስ;Yonas=ዮናስ;Samuel=ሳሙኤል;Solomon/Selomon=ሰሎሞን;Habtom=ሃብቶም;Hagos=ሓጎስ;Goitom/Goytom=ጎይቶም;Natnael/Nathnael=ናትናኤል;Michael/Mikael=ሚካኤል',
    female:
      'Senait/Senayt=ሰናይት;Luwam/Lewam=ሉዋም;Saba=ሳባ;Selam/Salam=ሰላም;Helen/Hellen=ሄለን;Tsega=ጸጋ;Mulu=ሙሉ;Azeb/Azieb=ኣዜብ;Freweini/Frewoini=ፍረወይኒ;Winta/Wintana=ዊንታ;Yordanos=ዮርዳኖስ;Rahwa=ራሕዋ',
    family:
      'Tesfay/Tesfai/Tesfaye=ተስፋይ;Kidane/Kidan=ኪዳነ;Haile/Hailé/Hayle=ሃይለ;Gebremedhin/Ghebremedhin=ገብረመድህን;Mehari/Mihary=መሓሪ;Berhane/Birhane=ብርሃነ;Tekle/Tecle=ተኽለ;Habtom=ሃብቶም;Hagos=ሓጎስ;Goitom/Goytom=ጎይቶም;Gebreyesus/Ghebreyesus=ገብረየሱስ;Weldemichael/Woldemichael=ወልደሚካኤል;Tesfamariam=ተስፋማርያም;Gebrehiwet/Ghebrehiwet=ገብረሕይወት;Abraha/Abreha=ኣብርሃ;Tsegay/Tsegai=ጸጋይ;Asmerom=ኣስመሮም;Negash/Negassi=ነጋሽ;Yemane/Yemani=የማነ;Zerai/Zeray=ዘርኣይ;Afewerki/Afwerki=ኣፈወርቂ',
  },
  {
    nationality: 'ETH',
    weight: 3,
    women: 0.2,
    script: 0.6,
    twoPart: 0.2,
    patronymic: true,
    languages: [['am'], ['om'], ['om', 'am'], ['am', 'en']],
    dial: '251',
    passport: 0.1,
    nationalId: 0.25,
    male: 'Dawit=ዳዊት;Tesfaye/Tesfay=ተስፋዬ;Abebe=አበበ;Solomon/Selomon=ሰለሞን;Mesfin=መስፍን;Birhanu/Berhanu=ብርሃኑ;Girma=ግርማ;Tadesse/Tadese=ታደሰ;Getachew/Getacho=ጌታቸው;Yosef/Yoseph=ዮሴፍ;Abdi/Abdy;Gemechu/Gemachu;Tolossa/Tolosa;Chala/Chaala;Lemma/Lema=ለማ;Biniam/Biniyam=ቢንያም;Kebede=ከበደ;Bekele=በቀለ',
    female:
      'Tigist/Tegist=ትዕግስት;Meseret=መሰረት;Hiwot/Hewot=ሕይወት;Fikirte/Fikerte=ፍቅርተ;Birtukan=ብርቱካን;Almaz=አልማዝ;Chaltu/Caltu;Lensa;Hana/Hanna=ሐና',
    family:
      'Tesfaye/Tesfay=ተስፋዬ;Girma=ግርማ;Tadesse/Tadese=ታደሰ;Kebede=ከበደ;Bekele=በቀለ;Haile/Hayle=ኃይሌ;Alemu=ዓለሙ;Desta=ደስታ;Tefera/Teferra=ተፈራ;Mengistu/Mengestu=መንግሥቱ;Ayele=አየለ;Assefa/Asefa=አሰፋ;Gemechu/Gemachu;Tolossa/Tolosa;Abdi/Abdy;Dinsa;Negash/Negassi=ነጋሽ;Getahun=ጌታሁን',
  },
  {
    nationality: 'SOM',
    weight: 3,
    women: 0.2,
    script: 0,
    twoPart: 0.6,
    patronymic: true,
    languages: [['so'], ['so', 'ar'], ['so', 'en']],
    dial: '252',
    passport: 0.1,
    nationalId: 0.15,
    male: 'Mohamed/Mohammed/Mohamad;Abdi/Abdy;Abdullahi/Abdulahi/Abdallah;Abdirahman/Abdulrahman/Abdurahman;Ahmed/Ahmad;Hassan/Hasan;Hussein/Husein;Ali/Aly;Omar/Umar;Yusuf/Yousuf;Ismail/Ismael;Abdirashid/Abdirashiid;Abdiaziz/Abdulaziz;Mahad;Liban/Libaan;Bashir/Bashiir;Mukhtar/Mokhtar;Ibrahim/Ibraahim;Osman/Cusmaan',
    female: 'Fadumo/Faduma/Fatuma;Hodan;Amina/Aamina;Asha/Aasha;Sahra/Sahro;Ifrah;Ubah/Ubax;Maryan/Mariam',
    family:
      'Mohamed/Mohammed;Ahmed/Ahmad;Hassan/Hasan;Ali/Aly;Abdi/Abdy;Farah/Faarah/Faarax;Omar/Umar;Warsame/Warsama;Jama/Jaama;Ismail/Ismael;Hersi/Hirsi;Osman/Cusmaan;Abdullahi/Abdulahi;Aden/Adan/Aadan;Elmi/Ilmi;Dahir/Daahir;Nur/Noor;Yusuf/Yousuf;Guled/Guleed;Egal/Igaal;Mohamud/Maxamuud',
  },
  {
    nationality: 'BGD',
    weight: 8,
    women: 0,
    script: 0.7,
    twoPart: 0,
    patronymic: false,
    languages: [['bn'], ['bn'], ['bn', 'en']],
    dial: '880',
    passport: 0.65,
    nationalId: 0.3,
    prefix: 'Md/Mohammad/Muhammad/Md.=মোহাম্মদ',
    prefixShare: 0.45,
    male: 'Rafiqul/Rafikul=রফিকুল;Shafiqul/Shafikul=শফিকুল;Saiful/Shaiful=সাইফুল;Nazmul/Najmul=নাজমুল;Aminul/Amenul=আমিনুল;Jahangir/Jahangeer=জাহাঙ্গীর;Alamgir/Alamgeer=আলমগীর;Kamal/Kamol=কামাল;Masud/Masood=মাসুদ;Sumon/Suman=সুমন;Rasel/Russel=রাসেল;Monir/Moneer=মনির;Shahin/Shaheen=শাহীন;Rakib/Rakibul=রাকিব;Sohel/Shohel=সোহেল;Habibur/Habibor=হাবিবুর;Mizanur/Mijanur=মিজানুর;Jahid/Zahid=জাহিদ;Hasan/Hassan=হাসান;Rubel=রুবেল;Arif/Areef=আরিফ',
    female: 'Rahima=রহিমা;Nasrin/Nasreen=নাসরিন',
    family:
      'Islam/Eslam=ইসলাম;Hossain/Hosen/Hussain=হোসেন;Rahman/Rahaman=রহমান;Uddin/Uddeen=উদ্দিন;Ahmed/Ahmad=আহমেদ;Ali/Aly=আলী;Miah/Mia=মিয়া;Sarkar/Sarker=সরকার;Sheikh/Shaikh=শেখ;Molla/Mollah=মোল্লা;Bhuiyan/Bhuiya=ভূঁইয়া;Chowdhury/Choudhury=চৌধুরী;Khan=খান;Howlader/Hawlader=হাওলাদার;Bepari/Beparee=বেপারী;Talukder/Talukdar=তালুকদার;Mondal/Mandal=মন্ডল;Sikder/Sikdar=শিকদার',
  },
  {
    nationality: 'PAK',
    weight: 3,
    women: 0,
    script: 0.6,
    twoPart: 0,
    patronymic: false,
    languages: [['ur', 'pa'], ['ur'], ['ur', 'ps']],
    dial: '92',
    passport: 0.7,
    nationalId: 0.5,
    male: 'Muhammad/Mohammad/Mohammed=محمد;Imran/Emran=عمران;Usman/Osman=عثمان;Bilal/Belal=بلال;Ali/Aly=علی;Hassan/Hasan=حسن;Faisal/Faysal=فیصل;Waqas/Waqqas=وقاص;Atif/Aatif=عاطف;Shahzad/Shehzad=شہزاد;Nadeem/Nadim=ندیم;Zahid/Zaheed=زاہد;Asif/Aasif=آصف;Adnan=عدنان;Kashif=کاشف;Tariq/Tarik=طارق;Naveed/Navid=نوید;Sajid/Sajjid=ساجد;Arslan/Arsalan=ارسلان;Shoaib/Shoayb=شعیب;Umar/Omer=عمر',
    female: 'Sana=ثنا',
    family:
      'Khan=خان;Butt/But=بٹ;Chaudhry/Chaudhary/Choudhry=چوہدری;Shah=شاہ;Malik/Malick=ملک;Awan=اعوان;Qureshi/Qureishi/Kureshi=قریشی;Hussain/Hussein=حسین;Iqbal/Ikbal=اقبال;Ahmed/Ahmad=احمد;Javed/Javaid=جاوید;Aslam=اسلم;Rana=رانا;Abbasi/Abassi=عباسی;Mughal/Moghal=مغل;Bhatti/Bhati=بھٹی;Gondal=گوندل;Akhtar/Akhter=اختر',
  },
];

/** Every nationality of the demo caseload, with its names. */
export const NAME_BOOKS: readonly NameBook[] = [...NORTH_AND_EAST, ...WEST_AFRICA];
