// Category-suggestion corpus as text (parsed by domain/suggestion/classifier.ts parseCorpus): a module so the extension bundle carries it.
export default `
# Held-out texts for category suggestion: NEVER trained on (scripts/bench and the
# accuracy recorded at each training read them). Written separately from the
# training corpus, with other phrasings. CODE|tag|text, tags as in training-*.txt.
PROP-01|fr|Depuis le week-end aucun éboueur n'est passé, nos sacs d'ordures pourrissent dehors
PROP-01|fr|Ordures ménagères toujours pas enlevées rue 12, quartier Sidi Moumen
PROP-01|ar|منذ نهاية الأسبوع لم يمر أي عامل نظافة لجمع الأزبال من أمام منازلنا
PROP-01|ar|أكياس القمامة لم ترفع من الزقاق منذ أيام
PROP-01|dl|zbel 3mer f derb w ma ja hta camion
PROP-01|dl|3yina mn zbel, ma kayjiwch yjm3oh mn nhar sebt
PROP-01|da|زبل عامر فالدرب وما جا حتى كاميو
PROP-01|da|عيينا من الزبل ما كيجيوش يجمعوه من نهار السبت
PROP-02|fr|Benne à ordures pleine, les sacs sont posés à côté sur la route
PROP-02|fr|Le conteneur vert ne se ferme plus tellement il est rempli
PROP-02|ar|الحاوية الخضراء ممتلئة ولم تعد تغلق من كثرة الأكياس
PROP-02|ar|الحاوية مليئة والناس يضعون الأكياس بجانبها على الطريق
PROP-02|dl|conteneur 3amer w zbel 7daha f l ard
PROP-02|dl|l7awiya mt3mmra, ma b9atch katsed
PROP-02|da|الحاوية معمرة ما بقاتش كتسد
PROP-02|da|الكونطونور عامر والزبل حداه فالأرض
PROP-03|fr|Le bac poubelle a disparu de notre rue, on ne sait plus où jeter
PROP-03|fr|Couvercle du conteneur cassé, les chiens fouillent dedans
PROP-03|ar|اختفت حاوية الأزبال من زقاقنا ولم نعد نعرف أين نرمي
PROP-03|ar|غطاء الحاوية مكسور والكلاب تعبث بها
PROP-03|dl|l poubelle kbira tkessrat w ghta dyalha ta7
PROP-03|dl|ma b9at 7ta 7awiya f zan9a, khdawha
PROP-03|da|ما بقات حتى حاوية فالزنقة خداوها
PROP-03|da|الپوبيل الكبيرة تكسرات والغطا ديالها طاح
PROP-04|fr|Les habitants jettent tout sur le terrain vide, c'est devenu une décharge
PROP-04|fr|Point noir d'ordures qui revient sans cesse derrière la mosquée
PROP-04|ar|السكان يرمون كل شيء في البقعة الفارغة وصارت مطرحا
PROP-04|ar|نقطة سوداء للأزبال تعود باستمرار خلف المسجد
PROP-04|dl|kolchi kayrmi zbel f dik l ard khawya, wlat mazbala
PROP-04|dl|mor jame3 kayn tas kbir dyal zbel mrmi 3chwa2i
PROP-04|da|كلشي كيرمي الزبل فديك الأرض الخاوية ولات مزبلة
PROP-04|da|مور الجامع كاين كومة كبيرة ديال الزبل مرمية عشوائي
PROP-05|fr|Quelqu'un a vidé une remorque de gravats au bout de l'impasse
PROP-05|fr|Restes de travaux, briques et béton, abandonnés devant le jardin
PROP-05|ar|شخص أفرغ عربة من الردم في نهاية الزقاق
PROP-05|ar|بقايا الأشغال من آجر وخرسانة متروكة أمام الحديقة
PROP-05|dl|chi wa7ed khwa remorque dyal rdem f ras derb
PROP-05|dl|lyajour w beton dyal l2achghal mlo7in 9dam jarda
PROP-05|da|شي واحد خوا رموك ديال الردم فراس الدرب
PROP-05|da|الياجور والبيطون ديال الأشغال ملوحين قدام الجردة
PROP-06|fr|Notre avenue est couverte de poussière et de papiers, aucun balayeur
PROP-06|fr|La rue principale est très sale, personne ne la balaie
PROP-06|ar|شارعنا مغطى بالغبار والأوراق ولا يوجد من يكنسه
PROP-06|ar|الشارع الرئيسي متسخ جدا ولا أحد يقوم بكنسه
PROP-06|dl|zan9a kolha ghobra w kwaghet, 7ta wa7ed ma kaysse7ha
PROP-06|dl|triq lkbira mwssekha bzaf, ma kaytchtebch
PROP-06|da|الزنقة كلها غبرة وكواغط حتى واحد ما كيشطبها
PROP-06|da|الطريق الكبيرة موسخة بزاف ما كتشطبش
PROP-07|fr|Une armoire et des vieux meubles sont jetés devant la porte de l'immeuble
PROP-07|fr|Tas de branchages et d'herbe coupée laissé au coin de la rue
PROP-07|ar|دولاب وأثاث قديم مرمي أمام باب العمارة
PROP-07|ar|كومة من الأغصان والعشب المقطوع متروكة في زاوية الشارع
PROP-07|dl|chi wa7ed lo7 armoire w meubles 9dam lbab dyal l3imara
PROP-07|dl|kwam dyal lghsan w rbi3 m9tou3 f 9ent zan9a
PROP-07|da|شي واحد لوح دولاب وموبل قدام الباب ديال العمارة
PROP-07|da|كوام ديال الغصان والربيع مقطوع فقنت الزنقة
PROP-08|fr|La petite corbeille près de la pharmacie est remplie, plus rien ne rentre
PROP-08|fr|Corbeille de rue tordue et renversée devant l'arrêt de tram
PROP-08|ar|سلة المهملات قرب الصيدلية ممتلئة ولا يدخلها شيء
PROP-08|ar|سلة مهملات الشارع ملتوية ومقلوبة أمام محطة الترامواي
PROP-08|dl|sla sghira dyal zbel 7da pharmacie 3amra
PROP-08|dl|corbeille dyal tram mlwiya w mherrsa
PROP-08|da|السلة الصغيرة ديال الزبل حدا الفرمسيان عامرة
PROP-08|da|السلة ديال الطرام ملوية ومهرسة
PROP-09|fr|Les bacs de la résidence puent terriblement, ils n'ont jamais été lavés
PROP-09|fr|Lavage des conteneurs nécessaire, ils dégagent une odeur atroce
PROP-09|ar|حاويات الإقامة تفوح منها رائحة فظيعة ولم تغسل أبدا
PROP-09|ar|يجب غسل الحاويات لأن رائحتها لا تحتمل
PROP-09|dl|l bakat dyal residence khanzin, 3mmerhom ma tghslo
PROP-09|dl|khasskom tghslo les conteneurs, ryhathom ma tt7mmelch
PROP-09|da|الباكات ديال الإقامة خانزين عمرهم ما تغسلو
PROP-09|da|خاصكم تغسلو الحاويات الريحة ديالهم ما تتحملش
HYG-01|fr|On voit des rats énormes courir près des poubelles chaque soir
HYG-01|fr|Notre immeuble est envahi par les cafards, il faut désinsectiser
HYG-01|ar|نرى جرذانا ضخمة تجري قرب الحاويات كل مساء
HYG-01|ar|العمارة غزتها الصراصير ويجب رشها بالمبيدات
HYG-01|dl|tobba kbar kayjriw 7da zbel kol lil
HYG-01|dl|l3imara 3amra sersar, khass y rchouha
HYG-01|da|الطوبة كبار كيجريو حدا الزبل كل ليلة
HYG-01|da|العمارة عامرة سراق خاص يرشوها
HYG-02|fr|Des chiens sans maître poursuivent les passants le soir
HYG-02|fr|Une chienne errante et ses petits vivent devant l'école
HYG-02|ar|كلاب بدون صاحب تطارد المارة في المساء
HYG-02|ar|كلبة ضالة وجراؤها تعيش أمام المدرسة
HYG-02|dl|klab sayba kayjriw mor nas f l3chiya
HYG-02|dl|kelba w wladha 3aychin 9dam l madrassa
HYG-02|da|الكلاب السايبة كيجريو مور الناس فالعشية
HYG-02|da|كلبة وولادها عايشين قدام المدرسة
HYG-03|fr|Un chat mort traîne devant la boulangerie depuis ce matin
HYG-03|fr|Cadavre de chien sur le bas-côté, il faut l'enlever
HYG-03|ar|قط ميت أمام المخبزة منذ الصباح
HYG-03|ar|جثة كلب على حافة الطريق يجب إزالتها
HYG-03|dl|mch mayt 9dam l ferran mn sba7
HYG-03|dl|kelb mayt f jenb triq, khasskom t7aydouh
HYG-03|da|مش ميت قدام الفران من الصباح
HYG-03|da|كلب ميت فجنب الطريق خاصكم تحيدوه
HYG-04|fr|Le boucher laisse la viande au soleil, sans aucune hygiène
HYG-04|fr|Plusieurs personnes malades après un repas au restaurant de la place
HYG-04|ar|الجزار يترك اللحم تحت الشمس بدون أي شروط صحية
HYG-04|ar|عدة أشخاص مرضوا بعد وجبة في مطعم الساحة
HYG-04|dl|l gzzar khalli l7em f chems bla nadafa
HYG-04|dl|bzaf d nas mrdo mor makla f restaurant dyal sa7a
HYG-04|da|الڭزار مخلي اللحم فالشمس بلا نظافة
HYG-04|da|بزاف ديال الناس مرضو مورا الماكلة فالريسطورون ديال الساحة
HYG-05|fr|La maison en face est insalubre, pleine de déchets, de rats et d'humidité
HYG-05|fr|Un local abandonné est devenu un foyer d'insalubrité
HYG-05|ar|المنزل المقابل غير صحي مليء بالأزبال والرطوبة
HYG-05|ar|محل مهجور أصبح بؤرة لانعدام النظافة
HYG-05|dl|dar li 9balna ma s7ich, 3amra zbel w rtoba
HYG-05|dl|7anout mhjour wella bou2ra dyal lwskh
HYG-05|da|الدار اللي قبالتنا ماشي صحية عامرة زبل ورطوبة
HYG-05|da|حانوت مهجور ولا بؤرة ديال الوسخ
HYG-06|fr|Une mare d'eau ne sèche jamais et les moustiques nous dévorent
HYG-06|fr|Eau croupie dans le chantier arrêté, nid à moustiques
HYG-06|ar|بركة ماء لا تجف أبدا والبعوض يفترسنا
HYG-06|ar|مياه آسنة في الورش المتوقف ومرتع للبعوض
HYG-06|dl|ghdir dyal lma ma kaynchefch w chniwla klatna
HYG-06|dl|lma khanez f chantier we9ef, kolo namous
HYG-06|da|غدير ديال الما ما كينشفش والشنيولة كلاتنا
HYG-06|da|الما خانز فالشانطي الواقف كلو ناموس
HYG-07|fr|Une odeur pestilentielle envahit nos maisons chaque nuit
HYG-07|fr|L'usine de poisson dégage une odeur insupportable
HYG-07|ar|رائحة نتنة تجتاح منازلنا كل ليلة
HYG-07|ar|معمل السمك تنبعث منه رائحة لا تطاق
HYG-07|dl|ryha khanza katdkhol l dyourna kol lil
HYG-07|dl|lmo3mal dyal 7out kaykhrj ryha ma tt7mmelch
HYG-07|da|ريحة خانزة كتدخل لديورنا كل ليلة
HYG-07|da|المعمل ديال الحوت كيخرج ريحة ما تتحملش
HYG-08|fr|Un atelier de tôlerie fait un bruit infernal du matin au soir
HYG-08|fr|Musique à fond dans le café jusqu'à l'aube, impossible de dormir
HYG-08|ar|ورشة الحدادة تحدث ضجيجا لا يطاق من الصباح إلى المساء
HYG-08|ar|موسيقى صاخبة في المقهى حتى الفجر ولا نستطيع النوم
HYG-08|dl|warcha dyal l7dada kat sda3 mn sba7 l lil
HYG-08|dl|musica 3alya f l9ahwa 7ta l fjer, ma n9drouch n3so
HYG-08|da|ورشة ديال الحدادة كتصدع من الصباح لليل
HYG-08|da|الموسيقى عالية فالقهوة حتى الفجر ما قدرناش نعسو
ODP-01|fr|Les chaises du café occupent tout le trottoir, on marche sur la chaussée
ODP-01|fr|Le magasin de chaussures étale sa marchandise sur le passage piéton
ODP-01|ar|كراسي المقهى تحتل الرصيف كله ونمشي في الطريق
ODP-01|ar|محل الأحذية يعرض بضاعته في ممر الراجلين
ODP-01|dl|lkrasa dyal l9ahwa khdaw trotoir kaml
ODP-01|dl|7anout sbabet 7att sel3a f trotoir
ODP-01|da|الكراسا ديال القهوة خداو الطروطوار كامل
ODP-01|da|حانوت الصبابط حط السلعة فالطروطوار
ODP-02|fr|Des marchands à la sauvette s'installent devant les portes de l'école
ODP-02|fr|Les charrettes de fruits bloquent la rue tous les soirs
ODP-02|ar|باعة عشوائيون يستقرون أمام أبواب المدرسة
ODP-02|ar|عربات الفواكه تغلق الشارع كل مساء
ODP-02|dl|lfrracha 9dam bibane l madrassa
ODP-02|dl|lkarossat dyal lfakya kaysdo zan9a kol 3chiya
ODP-02|da|الفراشة قدام البيبان ديال المدرسة
ODP-02|da|الكروسات ديال الفاكية كيسدو الزنقة كل عشية
ODP-03|fr|Un tas de sable et de ciment bloque le trottoir depuis des semaines
ODP-03|fr|Fers à béton et planches posés sur la chaussée par un entrepreneur
ODP-03|ar|كومة رمل وإسمنت تغلق الرصيف منذ أسابيع
ODP-03|ar|حديد وألواح خشبية موضوعة على الطريق من طرف مقاول
ODP-03|dl|rmla w siman msddin trotoir hadi simanat
ODP-03|dl|l7did w lkhchab dyal lbni f triq
ODP-03|da|الرملة والسيما مسدين الطروطوار هادي سيمانات
ODP-03|da|الحديد والخشب ديال البني فالطريق
ODP-04|fr|Des blocs de béton posés par un commerçant empêchent de se garer
ODP-04|fr|Un riverain a fermé l'impasse avec une chaîne
ODP-04|ar|كتل إسمنتية وضعها تاجر تمنع ركن السيارات
ODP-04|ar|أحد السكان أغلق الزقاق بسلسلة
ODP-04|dl|mol 7anout 7att blocs dyal beton bach ma nwa9fouch
ODP-04|dl|wa7ed jar sedd derb b chaine
ODP-04|da|مول الحانوت حط البلوكات ديال البيطون باش ما نوقفوش
ODP-04|da|واحد الجار سد الدرب بالسنسلة
ODP-05|fr|Les murs de la rue sont couverts d'affiches électorales et commerciales
ODP-05|fr|Une grande bâche publicitaire installée sans permis sur l'immeuble
ODP-05|ar|جدران الشارع مغطاة بالملصقات الانتخابية والتجارية
ODP-05|ar|لافتة إشهارية كبيرة مثبتة بدون ترخيص على العمارة
ODP-05|dl|l7yout dyal zan9a 3amrin affiches
ODP-05|dl|publicité kbira m3l9a f l3imara bla rokhsa
ODP-05|da|الحيوط ديال الزنقة عامرين أفيشات
ODP-05|da|پيبليسيطي كبيرة معلقة فالعمارة بلا رخصة
ODP-06|fr|Une vieille voiture sans plaques pourrit dans notre rue depuis un an
ODP-06|fr|Épave de moto abandonnée sur le trottoir
ODP-06|ar|سيارة قديمة بدون لوحات تتآكل في شارعنا منذ سنة
ODP-06|ar|هيكل دراجة نارية متروك على الرصيف
ODP-06|dl|tomobil 9dima bla matricule mlo7a f zan9a hadi 3am
ODP-06|dl|moto mherrsa mlo7a f trotoir
ODP-06|da|طوموبيل قديمة بلا ماتريكول ملوحة فالزنقة هادي عام
ODP-06|da|موطور مهرس ملوح فالطروطوار
URB-01|fr|Un immeuble de trois étages monte sans panneau de permis
URB-01|fr|Construction illégale d'une baraque sur l'espace public
URB-01|ar|عمارة من ثلاثة طوابق تبنى بدون لوحة الرخصة
URB-01|ar|بناء براكة غير قانونية فوق الملك العمومي
URB-01|dl|kaybniw 3imara dyal 3 tab9at bla rokhsa
URB-01|dl|bnaw baraka f l ard dyal l3omom
URB-01|da|كيبنيو عمارة ديال تلت طبقات بلا رخصة
URB-01|da|بناو براكة فالأرض ديال العموم
URB-02|fr|Le voisin a dépassé la hauteur prévue par son autorisation
URB-02|fr|Les travaux ne correspondent pas aux plans approuvés
URB-02|ar|الجار تجاوز العلو المحدد في رخصته
URB-02|ar|الأشغال لا تطابق التصاميم المصادق عليها
URB-02|dl|jar tl3 kter mn l3olou li f rokhsa dyalo
URB-02|dl|l2achghal ma kaytab9och m3a plan
URB-02|da|الجار طلع كتر من العلو اللي فالرخصة ديالو
URB-02|da|الأشغال ما كيطابقوش مع الپلان
URB-03|fr|Fosse de chantier ouverte sans barrière sur le chemin de l'école
URB-03|fr|Le chantier n'est pas clôturé, des matériaux tombent sur les passants
URB-03|ar|حفرة ورش مفتوحة بدون حاجز في طريق المدرسة
URB-03|ar|الورش غير مسيج والمواد تسقط على المارة
URB-03|dl|7fra dyal chantier m7loula bla barrière f triq l madrassa
URB-03|dl|chantier bla sur w l7wayj kayti7o 3la nas
URB-03|da|حفرة ديال الشانطي محلولة بلا باريير فطريق المدرسة
URB-03|da|الشانطي بلا سور والحوايج كيطيحو على الناس
URB-04|fr|Des pierres tombent de la façade d'une vieille maison sur le trottoir
URB-04|fr|Le mur de l'immeuble abandonné penche dangereusement
URB-04|ar|حجارة تتساقط من واجهة منزل قديم على الرصيف
URB-04|ar|جدار العمارة المهجورة مائل بشكل خطير
URB-04|dl|l7jer kayti7 mn l wajiha dyal dar 9dima
URB-04|dl|l7it dyal l3imara lmhjoura mayl bzaf
URB-04|da|الحجر كيطيح من الواجهة ديال دار قديمة
URB-04|da|الحيط ديال العمارة المهجورة مايل بزاف
URB-05|fr|Les bétonnières tournent à partir de cinq heures du matin
URB-05|fr|Nuages de poussière du chantier sur notre linge et nos fenêtres
URB-05|ar|خلاطات الخرسانة تشتغل من الخامسة صباحا
URB-05|ar|سحب من غبار الورش على ملابسنا ونوافذنا
URB-05|dl|la bétonnière khddama mn 5 d sba7
URB-05|dl|ghobra dyal chantier 3la 7wayjna w chrajem
URB-05|da|البيطونيرة خدامة من الخمسة ديال الصباح
URB-05|da|الغبرة ديال الشانطي على حوايجنا والشراجم
VOI-01|fr|Énorme trou sur la route de l'aéroport, dangereux pour les motos
VOI-01|fr|Le goudron s'est effondré, la rue est impraticable
VOI-01|ar|حفرة ضخمة في طريق المطار خطيرة على الدراجات النارية
VOI-01|ar|انهار الزفت والشارع لم يعد صالحا للمرور
VOI-01|dl|7ofra kbira f triq l matar, khatira 3la motorat
VOI-01|dl|goudron t7ayyed w triq ma bqatch katsla7
VOI-01|da|حفرة كبيرة فطريق المطار خطيرة على الموطورات
VOI-01|da|الڭودرون تحيد والطريق ما بقاتش كتصلح
VOI-02|fr|Les carreaux du trottoir sont cassés, on trébuche tout le temps
VOI-02|fr|Trottoir impraticable devant la pharmacie, plein de trous
VOI-02|ar|بلاط الرصيف مكسور ونتعثر باستمرار
VOI-02|ar|الرصيف أمام الصيدلية غير صالح للمشي ومليء بالثقوب
VOI-02|dl|zlij dyal trotoir mherres w kol mra kan3tro
VOI-02|dl|trotoir 9dam pharmacie kollo 7fari
VOI-02|da|الزليج ديال الطروطوار مهرس وكل مرة كنعترو
VOI-02|da|الطروطوار قدام الفرمسيان كلو حفاري
VOI-03|fr|Un trou d'égout non couvert devant l'école, c'est un piège
VOI-03|fr|Le couvercle de la bouche d'égout a été volé cette nuit
VOI-03|ar|فتحة مجاري غير مغطاة أمام المدرسة وهي فخ
VOI-03|ar|سرق غطاء البالوعة هذه الليلة
VOI-03|dl|9ado m7loul bla ghta 9dam l madrassa
VOI-03|dl|sr9o ghta dyal l bala3a had lil
VOI-03|da|القادوس محلول بلا غطا قدام المدرسة
VOI-03|da|سرقو الغطا ديال البالوعة هاد الليلة
VOI-04|fr|Les eaux usées débordent du regard et inondent le passage
VOI-04|fr|À chaque averse notre rue devient une rivière, l'avaloir est obstrué
VOI-04|ar|المياه العادمة تفيض من البالوعة وتغمر الممر
VOI-04|ar|مع كل زخة مطر يصبح شارعنا نهرا لأن البالوعة مسدودة
VOI-04|dl|lma l7ar kaykhrj mn l bala3a w kaygher9 triq
VOI-04|dl|kol mra kat chta zan9a katwelli wad, l bala3a m3mmra
VOI-04|da|الما الحار كيخرج من البالوعة وكيغرق الطريق
VOI-04|da|كل مرة كتشتا الزنقة كتولي واد البالوعة معمرة
VOI-05|fr|Les bancs de la corniche sont cassés et dangereux
VOI-05|fr|La rambarde du pont a été arrachée par un camion
VOI-05|ar|كراسي الكورنيش مكسورة وخطيرة
VOI-05|ar|حاجز القنطرة اقتلعته شاحنة
VOI-05|dl|les bancs dyal corniche mherrsin
VOI-05|dl|lbarrière dyal l9ant ra camion 9l3ha
VOI-05|da|البانكات ديال الكورنيش مهرسين
VOI-05|da|الباريير ديال القنطرة كاميو قلعها
ECL-01|fr|Le réverbère en face de la pharmacie ne s'allume plus
ECL-01|fr|Un lampadaire clignote sans arrêt dans l'allée
ECL-01|ar|عمود الإنارة المقابل للصيدلية لم يعد يشتعل
ECL-01|ar|مصباح الشارع يومض باستمرار في الممر
ECL-01|dl|poto dyal do 9dam pharmacie ma bqach ych3el
ECL-01|dl|do kaytfa w ych3el bla ma y7bes
ECL-01|da|الپوطو ديال الضو قدام الفرمسيان ما بقاش كيشعل
ECL-01|da|الضو كيطفا ويشعل بلا ما يحبس
ECL-02|fr|Aucune lumière dans tout le douar la nuit, on a peur de sortir
ECL-02|fr|Toute la rue est dans l'obscurité totale depuis une semaine
ECL-02|ar|لا يوجد أي ضوء في الدوار كله ليلا ونخاف الخروج
ECL-02|ar|الشارع كله في ظلام تام منذ أسبوع
ECL-02|dl|ddouar kaml bla do f lil, khayfin nkhrjo
ECL-02|dl|zan9a kamla f dlam hadi simana
ECL-02|da|الدوار كامل بلا ضو فالليل خايفين نخرجو
ECL-02|da|الزنقة كاملة فالضلام هادي سيمانة
ECL-03|fr|Un câble électrique arraché pend à hauteur des enfants
ECL-03|fr|Le coffret électrique du lampadaire est ouvert et fait des étincelles
ECL-03|ar|كابل كهربائي مقطوع يتدلى في متناول الأطفال
ECL-03|ar|صندوق الكهرباء الخاص بالعمود مفتوح ويصدر شرارات
ECL-03|dl|cable dyal do m9tou3 w m3l9 9rib l drari
ECL-03|dl|lbwata dyal do m7loula w kat ta9 chrara
ECL-03|da|الكابل ديال الضو مقطوع ومعلق قريب للدراري
ECL-03|da|البواطة ديال الضو محلولة وكتطلق الشرارة
SIG-01|fr|Les feux du croisement clignotent orange depuis ce matin
SIG-01|fr|Feu de circulation hors service, les voitures passent n'importe comment
SIG-01|ar|إشارات المرور في التقاطع تومض بالبرتقالي منذ الصباح
SIG-01|ar|الضوء المروري معطل والسيارات تمر بشكل فوضوي
SIG-01|dl|les feux dyal carrefour kayghmzo orange mn sba7
SIG-01|dl|lfeu 3ay9 w tomobilat kaydouzo kifma bghaw
SIG-01|da|الفوات ديال الكارفور كيغمزو ليموني من الصباح
SIG-01|da|الفو خاسر والطوموبيلات كيدوزو كيفما بغاو
SIG-02|fr|Le panneau de limitation de vitesse est tombé
SIG-02|fr|Plus aucun panneau n'indique le sens unique de la rue
SIG-02|ar|علامة تحديد السرعة سقطت
SIG-02|ar|لم تعد أي علامة تشير إلى الاتجاه الوحيد للشارع
SIG-02|dl|panneau dyal vitesse ta7
SIG-02|dl|ma b9a 7ta panneau dyal sens unique f zan9a
SIG-02|da|الپانو ديال السرعة طاح
SIG-02|da|ما بقا حتى پانو ديال الاتجاه الوحيد فالزنقة
SIG-03|fr|On ne voit plus les passages piétons devant l'hôpital
SIG-03|fr|Lignes blanches effacées, les conducteurs ne respectent plus les voies
SIG-03|ar|لم تعد ممرات الراجلين أمام المستشفى ظاهرة
SIG-03|ar|الخطوط البيضاء ممحوة والسائقون لا يحترمون الممرات
SIG-03|dl|les passages dyal les piétons 9dam sbitar ma bqawch kaybano
SIG-03|dl|lkhtout tmse7o, chifourat ma b9awch y7trmo
SIG-03|da|الممرات ديال الراجلين قدام السبيطار ما بقاوش كيبانو
SIG-03|da|الخطوط تمسحو الشيفورات ما بقاوش يحترمو
SIG-04|fr|Les motos foncent dans notre ruelle, il faudrait un dos-d'âne
SIG-04|fr|Un ralentisseur fait maison sans peinture a causé un accident
SIG-04|ar|الدراجات النارية تسرع في زقاقنا ونحتاج مخفض سرعة
SIG-04|ar|مخفض سرعة مصنوع من طرف السكان بدون صباغة تسبب في حادثة
SIG-04|dl|motorat kayzerbo f derb, khassna dos d'ane
SIG-04|dl|dodan dyal nas bla sbagha dar accident
SIG-04|da|الموطورات كيزربو فالدرب خاصنا دودان
SIG-04|da|الدودان ديال الناس بلا صباغة دار كسيدة
ESV-01|fr|Le vent a déraciné un eucalyptus qui bloque la rue
ESV-01|fr|Un grand arbre creux menace de tomber sur l'école
ESV-01|ar|الرياح اقتلعت شجرة كاليتوس تغلق الشارع
ESV-01|ar|شجرة كبيرة مجوفة تهدد بالسقوط على المدرسة
ESV-01|dl|r7 9l3 chejra dyal kalitus w sddat zan9a
ESV-01|dl|chejra kbira khawya mn lwest ghadi tti7 3la l madrassa
ESV-01|da|الريح قلع شجرة ديال الكاليتوس وسدات الزنقة
ESV-01|da|شجرة كبيرة خاوية من الوسط غادي تطيح على المدرسة
ESV-02|fr|Merci de tailler les arbres, les branches cognent contre les balcons
ESV-02|fr|Les branches trop longues cachent le feu de circulation
ESV-02|ar|المرجو تقليم الأشجار لأن الأغصان تضرب الشرفات
ESV-02|ar|الأغصان الطويلة تخفي الإشارة الضوئية
ESV-02|dl|3afakom 9ssou chjar, lghsan kaydrbo f lbalcon
ESV-02|dl|lghsan twal bzaf w ghattaw lfeu
ESV-02|da|عافاكم قصو الشجر الغصان كيضربو فالبالكون
ESV-02|da|الغصان طوال بزاف وغطاو الفو
ESV-03|fr|Le square est abandonné, pelouse morte et bancs recouverts de poussière
ESV-03|fr|Personne n'arrose les arbustes du jardin municipal
ESV-03|ar|الحديقة الصغيرة مهملة والعشب ميت
ESV-03|ar|لا أحد يسقي الشجيرات في الحديقة البلدية
ESV-03|dl|jarda sghira mhmla, gazon mat
ESV-03|dl|7ta wa7ed ma kaysqi chjirat dyal jarda
ESV-03|da|الجردة الصغيرة مهملة الڭازون مات
ESV-03|da|حتى واحد ما كيسقي الشجيرات ديال الجردة
ESV-04|fr|La balançoire du square est cassée, les enfants risquent de se blesser
ESV-04|fr|Le toboggan est rouillé et a des bords coupants
ESV-04|ar|الأرجوحة في الحديقة مكسورة والأطفال معرضون للإصابة
ESV-04|ar|الزحليقة صدئة ولها حواف حادة
ESV-04|dl|lmrjou7a dyal jarda mherrsa, drari ymkn ytjr7o
ESV-04|dl|toboggan msddi w fih jwanb kayjr7o
ESV-04|da|المرجيحة ديال الجردة مهرسة الدراري يقدرو يتجرحو
ESV-04|da|الطوبوڭان مصدي وفيه جوانب كيجرحو
ADM-01|fr|J'attends depuis trois mois la réponse à ma demande de permis d'habiter
ADM-01|fr|Mon dossier est perdu au service de l'état civil, personne ne répond
ADM-01|ar|أنتظر منذ ثلاثة أشهر الرد على طلب رخصة السكن
ADM-01|ar|ملفي ضائع في مصلحة الحالة المدنية ولا أحد يجيب
ADM-01|dl|hadi 3 chhor w ana kantsenna jawab 3la talab dyal rokhsat skan
ADM-01|dl|dossier dyali tlef f l7ala lmadaniya w 7ta wa7ed ma kayjawb
ADM-01|da|هادي تلت شهور وأنا كنتسنى الجواب على الطلب ديال رخصة السكن
ADM-01|da|الدوسي ديالي تلف فالحالة المدنية وحتى واحد ما كيجاوب
ADM-02|fr|Le fonctionnaire m'a crié dessus et m'a mis dehors du bureau
ADM-02|fr|On m'a demandé un bakchich pour obtenir une simple signature
ADM-02|ar|الموظف صرخ في وجهي وطردني من المكتب
ADM-02|ar|طلبوا مني رشوة من أجل توقيع بسيط
ADM-02|dl|lmowadaf ghwet 3liya w jerrani mn lbureau
ADM-02|dl|tlbo mni l9hwa bach ysayniw liya wra9a
ADM-02|da|الموظف غوت عليا وجراني من البيرو
ADM-02|da|طلبو مني القهوة باش يسينيو ليا ورقة
ADM-03|fr|Une idée : planter des arbres le long du boulevard
ADM-03|fr|Bravo aux équipes pour la rénovation de la place
ADM-03|ar|فكرة غرس الأشجار على طول الشارع
ADM-03|ar|تحية للفرق على تجديد الساحة
ADM-03|dl|fikra: ygharsou chjar f boulevard kaml
ADM-03|dl|bravo l les équipes 3la tajdid dyal sa7a
ADM-03|da|فكرة يغرسو الشجر فالبولفار كامل
ADM-03|da|برافو للفرق على التجديد ديال الساحة
`;
