// Curated names for the demo people from West and Central Africa (see demo-names.ts for the
// syntax). Names are mostly written in Latin letters; Arabic forms are given for the Arabic names
// common in the Sahel, which some people write in Arabic script. Pure data.

import type { NameBook } from './name-book';

export const WEST_AFRICA: NameBook[] = [
  {
    nationality: 'NER',
    weight: 12,
    women: 0.08,
    script: 0.35,
    twoPart: 0.1,
    patronymic: false,
    languages: [['ha', 'fr'], ['ha'], ['dje', 'fr'], ['dje'], ['ha', 'ar']],
    dial: '227',
    passport: 0.1,
    nationalId: 0.3,
    male: 'Moussa/Mousa/Musa=موسى;Ibrahim/Ibrahima=إبراهيم;Abdoulaye/Abdoulahi=عبد الله;Boubacar/Aboubacar/Abubakar=أبو بكر;Mahamadou/Mahamadu;Issa/Issah=عيسى;Hamidou/Hamadou;Oumarou/Oumaru/Umaru;Salissou/Salisu;Sani/Sanni;Idrissa/Idrisa=إدريس;Harouna/Haruna=هارون;Amadou/Ahmadou;Souleymane/Souley/Sulaiman=سليمان;Habibou/Habibu;Zakari/Zakariya=زكريا;Ali/Aly=علي;Hassane/Hassan=حسن;Abdoulkarim/Abdoul Karim/Abdulkarim=عبد الكريم;Yacouba/Yakuba=يعقوب;Issoufou/Issoufa;Garba',
    female:
      'Hadiza/Hadizatou;Mariama/Mariam=مريم;Zeinabou/Zainab=زينب;Rabi/Rabiatou;Fati/Fatouma=فاطمة;Aichatou/Aissata/Aicha=عائشة;Halima/Halimatou=حليمة;Safiya/Safia=صفية',
    family:
      'Abdou/Abdu=عبده;Issa/Issah=عيسى;Moussa/Mousa=موسى;Ibrahim/Ibrahima=إبراهيم;Harouna/Haruna=هارون;Hamani;Oumarou/Oumaru;Salifou/Salifu;Garba;Mahamadou/Mahamadu;Idrissa/Idrisa=إدريس;Boubacar/Aboubacar=أبو بكر;Hassane/Hassan=حسن;Adamou/Adamu;Maman/Mamane;Souleymane/Souley=سليمان;Sani/Sanni;Amadou/Ahmadou;Tanko;Moumouni/Mumuni;Issoufou/Issifou;Illiassou/Iliyasu',
  },
  {
    nationality: 'NGA',
    weight: 8,
    women: 0.25,
    script: 0,
    twoPart: 0,
    patronymic: false,
    languages: [
      ['en', 'pcm'],
      ['en', 'bin'],
      ['en', 'yo'],
      ['en', 'ig'],
      ['en', 'ha'],
    ],
    dial: '234',
    passport: 0.3,
    nationalId: 0.2,
    male: 'Chinedu/Chinedou;Emeka/Chukwuemeka;Ikechukwu;Uche/Uchenna;Oluwaseun/Seun;Babatunde/Tunde;Oluwafemi/Femi;Samuel;Daniel;Godwin;Osasere/Osas;Osaro/Osaru;Efosa;Ibrahim/Ibrahima;Musa/Moussa;Abubakar/Aboubakar;Aliyu/Aliu;Usman/Uthman;Yusuf/Yusuph;Bashir/Bashiru;Abdullahi/Abdulahi;Friday;Sunday;Godspower/Godpower;Victor;Kingsley;Prince',
    female:
      'Blessing;Joy;Precious;Favour/Favor;Esther;Mercy;Gift;Peace;Osarugue/Osarogue;Aishat/Aisha;Hauwa/Hawa;Grace;Chioma;Ngozi;Ifeoma',
    family:
      'Okafor;Okonkwo;Eze/Ezeh;Nwosu;Okoro;Adeyemi;Adebayo;Oladipo/Oladipupo;Ogunleye;Osagie/Osaghie;Igbinedion;Omoregie/Omorogie;Obaseki;Ehigiator;Uwaifo;Edokpolo;Aigbe;Idahosa;Ibrahim/Ibrahima;Musa/Moussa;Bello/Belo;Abubakar/Aboubakar;Yusuf/Yusuph;Aliyu/Aliu;Mohammed/Muhammad/Mohamed;Danjuma;Okeke;Obi;Ogbonna',
  },
  {
    nationality: 'GHA',
    weight: 4,
    women: 0.15,
    script: 0,
    twoPart: 0,
    patronymic: false,
    languages: [
      ['en', 'ak'],
      ['en', 'tw'],
      ['en', 'ha'],
      ['en', 'ee'],
    ],
    dial: '233',
    passport: 0.35,
    nationalId: 0.3,
    male: 'Kwame/Kwami;Kofi/Koffi;Kwaku;Yaw/Yao;Kojo/Kwadwo;Kwabena/Kobina;Kwasi/Kwesi;Emmanuel;Isaac;Samuel;Prince;Ebenezer/Ebenezar;Issah/Issa;Yakubu/Yakub;Abdul-Rahman/Abdulrahman/Abdul Rahman;Mohammed/Muhammed/Mohamed;Alhassan/Al-Hassan;Ibrahim/Ibrahima;Mustapha/Mustafa',
    female:
      'Ama/Amma;Akosua;Abena/Abenaa;Efua/Afua;Akua;Adwoa/Adjoa;Gifty/Giftie;Comfort;Ayisha/Aisha;Memunatu/Maimuna;Fuseina/Husseina',
    family:
      'Mensah/Mensa;Boateng;Owusu;Asante;Osei;Agyeman/Agyemang;Danso;Appiah/Apiah;Amoah/Amoa;Yeboah/Yeboa;Issah/Issa;Alhassan/Al-Hassan;Abdulai/Abdulaye;Seidu/Saidu;Iddrisu/Idrissu;Fuseini/Fusheini;Adjei/Adjey;Darko;Ofori;Quaye',
  },
  {
    nationality: 'MLI',
    weight: 6,
    women: 0.08,
    script: 0.25,
    twoPart: 0,
    patronymic: false,
    languages: [['bm', 'fr'], ['bm'], ['ff', 'bm'], ['son', 'fr']],
    dial: '223',
    passport: 0.15,
    nationalId: 0.3,
    male: 'Mamadou/Mamadu;Moussa/Mousa/Musa=موسى;Ousmane/Usmane/Usman=عثمان;Boubacar/Aboubacar=أبو بكر;Ibrahim/Ibrahima=إبراهيم;Amadou/Ahmadou;Seydou/Seidou;Bakary/Bakari;Sekou/Sékou;Modibo;Souleymane/Soulemane=سليمان;Adama/Adam=آدم;Abdoulaye/Abdoulahi=عبد الله;Oumar/Omar=عمر;Aliou/Aliyu;Drissa/Idrissa=إدريس;Lassana/Lassine;Yacouba/Yakuba=يعقوب;Moctar/Mokhtar/Mukhtar=مختار;Hamadoun/Hamadou',
    female:
      'Fatoumata/Fatimata/Fatouma=فاطمة;Aminata/Amina=أمينة;Mariam/Mariama=مريم;Kadiatou/Kadidia=خديجة;Awa/Hawa=حواء;Oumou/Umu;Assétou/Assetou;Djénéba/Djeneba',
    family:
      'Traoré/Traore;Keïta/Keita;Coulibaly/Koulibaly;Diarra/Diara;Konaté/Konate;Diallo/Djallo;Touré/Toure;Sissoko/Cissoko;Camara/Kamara;Sangaré/Sangare;Cissé/Cisse/Sissé;Doumbia/Dumbia;Maïga/Maiga;Dembélé/Dembele;Kanté/Kante;Sidibé/Sidibe;Togola;Samaké/Samake;Ballo;Fofana',
  },
  {
    nationality: 'SEN',
    weight: 3,
    women: 0.05,
    script: 0,
    twoPart: 0,
    patronymic: false,
    languages: [['wo', 'fr'], ['wo'], ['ff', 'wo']],
    dial: '221',
    passport: 0.3,
    nationalId: 0.4,
    male: 'Mamadou/Mamadu;Moussa/Mousa;Abdoulaye/Abdoulay;Ousmane/Usmane;Cheikh/Cheick/Sheikh;Ibrahima/Ibrahim;Modou/Moudou;Lamine/Lamin;Pape/Papa;Babacar/Babakar;Aliou/Aliyu;Alioune/Aliun;Saliou/Salihou;Omar/Oumar;Serigne/Sérigne;Malick/Malik;Assane/Hassane;Souleymane/Soulemane',
    female:
      'Fatou/Fatu;Aminata/Aminatou;Awa/Hawa;Khady/Khadija;Mariama/Mariame;Ndeye/Ndèye;Astou;Coumba/Kumba',
    family:
      'Diop;Ndiaye/N’Diaye/Ndiay;Fall/Fal;Sow/Sowe;Diallo/Djallo;Ba/Bah;Sy/Si;Gueye/Guèye;Faye/Fay;Sarr/Sar;Mbaye/M’Baye;Cissé/Cisse;Niang;Seck/Sek;Thiam/Tiam;Diouf;Kane;Ndour/N’Dour;Sène/Sene;Dieng',
  },
  {
    nationality: 'CIV',
    weight: 3,
    women: 0.15,
    script: 0,
    twoPart: 0,
    patronymic: false,
    languages: [['fr'], ['fr', 'dyu'], ['fr', 'bci']],
    dial: '225',
    passport: 0.3,
    nationalId: 0.35,
    male: 'Koffi/Kofi;Yao/Yaw;Konan;Kouassi/Kwasi;Yacouba/Yakouba;Ibrahim/Ibrahima;Moussa/Mousa;Adama/Adam;Seydou/Seidou;Mamadou/Mamadu;Bakary/Bakari;Lassina/Lassana;Souleymane/Soulemane;Drissa/Idrissa;Abou/Abu;Serge;Franck/Frank;Arnaud/Arnold;Hervé/Herve',
    female: 'Aya;Adjoua;Affoué/Affoue;Mariam/Mariame;Fatoumata/Fatimata;Aminata/Amina;Awa/Hawa;Christelle',
    family:
      'Koné/Kone;Ouattara/Watara;Traoré/Traore;Coulibaly/Koulibaly;Bamba;Yao/Yaw;Kouassi/Kwasi;Konan;Kouamé/Kouame;N’Guessan/Nguessan;Touré/Toure;Diabaté/Diabate;Soro;Fofana;Cissé/Cisse;Sangaré/Sangare;Doumbia/Dumbia;Koffi/Kofi;Diomandé/Diomande;Bakayoko/Bakayoco',
  },
  {
    nationality: 'GIN',
    weight: 3,
    women: 0.1,
    script: 0,
    twoPart: 0,
    patronymic: false,
    languages: [['ff', 'fr'], ['sus', 'fr'], ['ff'], ['mnk', 'fr']],
    dial: '224',
    passport: 0.2,
    nationalId: 0.3,
    male: 'Mamadou/Mamadu;Alpha/Alfa;Ibrahima/Ibrahim;Amadou/Ahmadou;Ousmane/Usmane;Abdoulaye/Abdoulay;Thierno/Tierno;Mohamed/Mohammed/Mouhamed;Sekou/Sékou;Alhassane/Alassane;Boubacar/Aboubacar;Saliou/Salihou;Oumar/Omar;Mamady/Mamadi;Lansana',
    female:
      'Mariama/Mariam;Fatoumata/Fatimata;Aissatou/Aïssatou;Kadiatou/Kadiatu;Hadja;Aminata/Amina;Binta/Bintou',
    family:
      'Diallo/Djallo;Barry/Bari;Bah/Ba;Sow/Sowe;Camara/Kamara;Condé/Conde;Soumah/Souma;Sylla/Silla;Keita/Keïta;Touré/Toure;Baldé/Balde;Kouyaté/Kouyate;Cissé/Cisse;Diakité/Diakite;Kaba;Sidibé/Sidibe;Bangoura/Bangura;Fofana',
  },
  {
    nationality: 'GMB',
    weight: 2,
    women: 0.05,
    script: 0,
    twoPart: 0,
    patronymic: false,
    languages: [
      ['en', 'mnk'],
      ['en', 'wo'],
      ['en', 'ff'],
    ],
    dial: '220',
    passport: 0.3,
    nationalId: 0.35,
    male: 'Lamin/Lamine;Ebrima/Ebrahima/Ibrahima;Modou/Modu;Alieu/Aliou;Omar/Oumar;Momodou/Mamadou;Ousman/Ousmane/Usman;Sainey/Saine;Bakary/Bakari;Abdoulie/Abdoulaye;Musa/Moussa;Sulayman/Suleiman;Yusupha/Yusuf/Youssouph;Famara;Kebba/Keba;Buba/Bubacarr',
    female: 'Fatou/Fatu;Isatou/Aisatou;Mariama/Mariam;Awa/Hawa;Haddy/Hadi;Binta/Bintou',
    family:
      'Jallow/Diallo;Ceesay/Sise/Cissé;Touray/Touré;Jammeh;Bah/Ba;Sowe/Sow;Camara/Kamara;Darboe/Darbo;Sanneh/Sane;Jatta/Diatta;Manneh;Njie/Ndiaye;Jobe/Diop;Fofana;Drammeh/Dramé;Sonko;Bojang/Bodjang;Sillah/Sylla;Barrow/Baro;Saidy/Saidi',
  },
  {
    nationality: 'BFA',
    weight: 2,
    women: 0.1,
    script: 0,
    twoPart: 0,
    patronymic: false,
    languages: [['mos', 'fr'], ['fr'], ['dyu', 'fr'], ['ff', 'mos']],
    dial: '226',
    passport: 0.2,
    nationalId: 0.4,
    male: 'Ousmane/Usmane;Adama/Adam;Issouf/Issoufou;Salif/Salifou;Boukary/Boukari;Inoussa/Younoussa;Souleymane/Soulemane;Abdoul Aziz/Abdoulaziz;Hamidou/Amidou;Seydou/Seidou;Moumouni/Mumuni;Idrissa/Drissa;Harouna/Haruna;Lassané/Lassane;Rasmané/Rasmane;Noufou/Nufu',
    female: 'Mariam/Mariama;Awa/Hawa;Safiatou/Safiata;Aminata/Amina;Fatimata/Fatoumata;Assita;Rasmata',
    family:
      'Ouédraogo/Ouedraogo/Wedraogo;Sawadogo;Compaoré/Compaore;Zongo;Kaboré/Kabore;Ouattara/Watara;Sanou;Traoré/Traore;Diallo/Djallo;Kinda;Nikiéma/Nikiema;Zoungrana/Zongrana;Tapsoba;Ilboudo;Tiendrébéogo/Tiendrebeogo;Kafando;Sana;Belem/Bélem;Bationo',
  },
  {
    nationality: 'CMR',
    weight: 2,
    women: 0.25,
    script: 0,
    twoPart: 0,
    patronymic: false,
    languages: [['fr'], ['fr', 'en'], ['en'], ['ff', 'fr']],
    dial: '237',
    passport: 0.35,
    nationalId: 0.45,
    male: 'Jean;Paul;Emmanuel;Christian;Serge;Junior;Brice;Aboubakar/Abubakar;Hamadou/Amadou;Moussa/Mousa;Oumarou/Umaru;Bouba/Boubah;Alim/Halim;Ibrahim/Ibrahima;Cédric/Cedric;Franck/Frank;Yannick/Yanick',
    female: 'Marie/Mary;Christelle;Sandrine;Aïssatou/Aissatou;Hadidja/Hadija;Estelle',
    family:
      'Mbarga;Essomba;Atangana;Nkoulou/Nkulu;Mballa;Onana;Tchinda;Kamga;Nana;Fouda;Ndongo;Bello/Belo;Oumarou/Umaru;Hamadou/Amadou;Njoya;Tagne/Tagné;Foka;Djoumessi;Fotso',
  },
];
