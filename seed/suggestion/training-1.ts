// Category-suggestion corpus as text (parsed by domain/suggestion/classifier.ts parseCorpus): a module so the extension bundle carries it.
export default `
# Training corpus for category suggestion (domain/suggestion): CODE|tag|text
# tags: fr = French, ar = Modern Standard Arabic, dl = Darija in Latin script, da = Darija in Arabic script.
# Written for training only; the held-out texts (held-out.txt) were written separately and are never trained on.
PROP-01|fr|Les poubelles ne sont pas ramassées depuis trois jours dans notre rue
PROP-01|fr|Le camion des ordures n'est pas passé cette semaine, les sacs s'entassent devant les immeubles
PROP-01|fr|Collecte des déchets ménagers non effectuée, les ordures restent sur le trottoir
PROP-01|fr|Personne n'est venu ramasser les sacs poubelle du quartier depuis lundi
PROP-01|fr|Ramassage des ordures oublié dans notre derb, ça sent très mauvais
PROP-01|ar|لم يتم جمع النفايات المنزلية من حينا منذ ثلاثة أيام
PROP-01|ar|شاحنة جمع الأزبال لم تمر هذا الأسبوع وتراكمت الأكياس أمام العمارات
PROP-01|ar|القمامة متراكمة في الشارع لأن عمال النظافة لم يأتوا لجمعها
PROP-01|ar|نطالب بجمع النفايات المتراكمة أمام المنازل في أقرب وقت
PROP-01|dl|zbel ma t3ayetch 3lih chi had hadi 3 iyam f derb dyalna
PROP-01|dl|l camion dyal zbel ma dazch had simana, l mika3at 3amrin f zan9a
PROP-01|dl|lazbal m7tto9in 9dam dar w hta wa7ed ma ja yhezhom
PROP-01|dl|3afak jiw jm3o zbel, rah ryha khayba f l7ouma
PROP-01|dl|zbl mrmi f zn9a w ma kayhzoh hta had f had l7i
PROP-01|da|الزبل ما تعيطش عليه حتى حد هادي تلت أيام فالدرب ديالنا
PROP-01|da|الكاميو ديال الزبل ما دازش هاد السيمانة والميكات عامرين الزنقة
PROP-01|da|الأزبال متكومين قدام الديور وحتى واحد ما جا يهزهم
PROP-01|da|عافاكم جيو جمعو الزبل راه الريحة خايبة فالحومة
PROP-01|da|الزبالة ما كيجمعوهاش فهاد الحي شحال هادي
PROP-02|fr|Le conteneur à ordures est plein à ras bord et déborde sur la chaussée
PROP-02|fr|Conteneur débordant au coin de la rue, les déchets tombent par terre
PROP-02|fr|La benne est pleine depuis deux jours, plus personne ne peut jeter ses sacs dedans
PROP-02|fr|Le bac collectif déborde, les chats éparpillent les ordures autour
PROP-02|ar|الحاوية ممتلئة عن آخرها والنفايات تفيض على الطريق
PROP-02|ar|حاوية الأزبال فائضة منذ يومين ولا يمكن رمي الأكياس فيها
PROP-02|ar|الحاوية الكبيرة في زاوية الشارع ممتلئة والقمامة حولها
PROP-02|ar|امتلاء الحاوية وتناثر الأزبال حولها بسبب عدم إفراغها
PROP-02|dl|la poubelle lkbira 3amra w zbel tay7 3la l ard
PROP-02|dl|l conteneur 3amer bezzaf w ma bqach fih blassa l mika
PROP-02|dl|l bak dyal zbel 3amer w kaytla7 3la triq, khasso ytkhwa
PROP-02|dl|l7awiya 3amra mn jouj iyam w nas kaylo7o zbel 7daha
PROP-02|da|الپوبيل الكبيرة عامرة والزبل طايح على الأرض
PROP-02|da|الحاوية عامرة بزاف وما بقاش فيها بلاصة للميكة
PROP-02|da|الباك ديال الزبل عامر وكيطيح على الطريق خاصو يتخوى
PROP-02|da|الكونطونور عامر من جوج أيام والناس كيلوحو الزبل حداه
PROP-03|fr|Le conteneur de notre rue a été cassé, le couvercle est arraché
PROP-03|fr|Il n'y a plus de bac à ordures dans le quartier depuis qu'on l'a enlevé
PROP-03|fr|Conteneur brûlé et troué, il faut le remplacer
PROP-03|fr|Nous demandons l'installation d'un conteneur, il n'y en a aucun dans la rue
PROP-03|fr|La roue du bac est cassée et le couvercle ne ferme plus
PROP-03|ar|الحاوية في شارعنا مكسورة وغطاؤها مقتلع
PROP-03|ar|لا توجد أي حاوية للنفايات في الحي منذ أن أزيلت
PROP-03|ar|حاوية محروقة ومثقوبة يجب تعويضها بأخرى جديدة
PROP-03|ar|نطلب وضع حاوية جديدة لأن الحاوية القديمة اختفت
PROP-03|dl|l conteneur dyal zan9a tkesser w ghta dyalo m9lo3
PROP-03|dl|ma kaynach chi poubelle f l7ouma, 7aydoha w ma rj3ohach
PROP-03|dl|l poubelle t7r9at w t9bat, khasskom tbdloha
PROP-03|dl|bghina conteneur jdid, l9dim mkhser w mabqach
PROP-03|da|الكونطونور ديال الزنقة تكسر والغطا ديالو مقلوع
PROP-03|da|ما كايناش شي پوبيل فالحومة حيدوها وما رجعوهاش
PROP-03|da|الحاوية تحرقات وتقبات خاصكم تبدلوها
PROP-03|da|بغينا حاوية جديدة القديمة مخسرة وما بقاتش
PROP-04|fr|Dépôt sauvage d'ordures sur le terrain vague derrière l'école
PROP-04|fr|Des gens jettent leurs déchets n'importe où, un point noir s'est formé au bout de la rue
PROP-04|fr|Décharge sauvage près du marché, tas de détritus qui grossit chaque jour
PROP-04|fr|Un terrain vide est devenu une décharge à ciel ouvert
PROP-04|ar|رمي عشوائي للنفايات في الأرض الخلاء وراء المدرسة
PROP-04|ar|تحولت الأرض الفارغة إلى مطرح عشوائي للأزبال
PROP-04|ar|نقطة سوداء للنفايات في نهاية الشارع يرمي فيها السكان كل شيء
PROP-04|ar|مطرح عشوائي قرب السوق والأكوام تكبر كل يوم
PROP-04|dl|nas kaylo7o zbel f l ard khawya mor l madrassa
PROP-04|dl|l blassa khawya wlat mazbala, kolchi kaylo7 fiha
PROP-04|dl|kayn point noir dyal zbel f ras zan9a, kayrmiw fih kolchi
PROP-04|dl|mazbala 3chwa2iya 7da sou9, kol nhar kat kbar
PROP-04|da|الناس كيلوحو الزبل فالأرض الخاوية مور المدرسة
PROP-04|da|البلاصة الخاوية ولات مزبلة كلشي كيلوح فيها
PROP-04|da|كاين بوان نوار ديال الزبل فراس الزنقة كيرميو فيه كلشي
PROP-04|da|مزبلة عشوائية حدا السوق كل نهار كتكبر
PROP-05|fr|Des gravats de chantier ont été abandonnés sur le trottoir depuis un mois
PROP-05|fr|Un camion a déversé des déchets de construction au bord de la route
PROP-05|fr|Tas de briques cassées, sable et ciment laissés après des travaux
PROP-05|fr|Déchets de démolition jetés sur le terrain à côté de chez nous
PROP-05|ar|مخلفات البناء متروكة على الرصيف منذ شهر
PROP-05|ar|شاحنة أفرغت الردم والأتربة على جانب الطريق
PROP-05|ar|أكوام من الآجر المكسور والرمل بعد انتهاء الأشغال
PROP-05|ar|بقايا الهدم مرمية في الأرض المجاورة لمنزلنا
PROP-05|dl|l gravats dyal bni mlo7in f trotoir hadi chhar
PROP-05|dl|camion 7ett rdem w trab 3la jenb triq
PROP-05|dl|kwam dyal lyajour mherres w rmel mora l2achghal
PROP-05|dl|chi wa7ed rma ba9aya dyal l hdem 7da darna
PROP-05|da|الكراڤا ديال البني ملوحين فالطروطوار هادي شهر
PROP-05|da|كاميو حط الردم والتراب على جنب الطريق
PROP-05|da|كوام ديال الياجور مهرس والرملة مورا الأشغال
PROP-05|da|شي واحد رمى بقايا ديال الهدم حدا دارنا
PROP-06|fr|La rue n'est jamais balayée, poussière et papiers partout
PROP-06|fr|Les balayeurs ne passent plus dans notre avenue depuis des semaines
PROP-06|fr|Nettoyage de la rue insuffisant, sacs plastiques et feuilles sur la chaussée
PROP-06|fr|Le boulevard est sale, aucun balayage depuis le début du mois
PROP-06|ar|الشارع لا يكنس أبدا والغبار والأوراق في كل مكان
PROP-06|ar|عمال الكنس لم يعودوا يمرون من شارعنا منذ أسابيع
PROP-06|ar|نظافة الشارع غير كافية والأكياس البلاستيكية منتشرة
PROP-06|ar|الشارع متسخ ولم يتم كنسه منذ بداية الشهر
PROP-06|dl|zan9a 3mmerha ma tsse7at, l ghobra w l kwaghet f kol blassa
PROP-06|dl|dok li kayse7o ma b9awch kaydouzo mn zan9atna
PROP-06|dl|triq mwsskha, l mika w lwra9 f kolchi, khasha tkness
PROP-06|dl|ma kaynch tanqiya dyal zan9a, kolchi mwssekh
PROP-06|da|الزنقة عمرها ما تشطبات الغبرة والكواغط فكل بلاصة
PROP-06|da|اللي كيشطبو ما بقاوش كيدوزو من زنقتنا
PROP-06|da|الطريق موسخة الميكا والوراق فكلشي خاصها تتشطب
PROP-06|da|ما كاينش التنقية ديال الزنقة كلشي موسخ
PROP-07|fr|Un vieux matelas et un canapé abandonnés sur le trottoir
PROP-07|fr|Encombrants laissés devant l'immeuble : frigo, meubles cassés
PROP-07|fr|Branches coupées et déchets verts entassés après la taille des arbres
PROP-07|fr|Des déchets de jardin et des palmes traînent au bord du parc
PROP-07|ar|فراش قديم وأريكة متروكة على الرصيف
PROP-07|ar|متلاشيات أمام العمارة ثلاجة وأثاث مكسور
PROP-07|ar|أغصان مقطوعة ونفايات خضراء متراكمة بعد تقليم الأشجار
PROP-07|ar|بقايا الحدائق والسعف مرمية بجانب المنتزه
PROP-07|dl|chi wa7ed lo7 matela 9dima w salon f trotoir
PROP-07|dl|frigo w meubles mherrsin mlo7in 9dam l3imara
PROP-07|dl|l grana w l 9ech dyal chjar m9t3in mkouwmin f triq
PROP-07|dl|bqaya dyal jarda w ssa3f mlo7in 7da l jarda
PROP-07|da|شي واحد لوح ماطلة قديمة وصالون فالطروطوار
PROP-07|da|فريكو وموبل مهرسين ملوحين قدام العمارة
PROP-07|da|الغصان ديال الشجر مقطعين مكومين فالطريق
PROP-07|da|الخردة والمتلاشيات ملوحة حدا الباب ديال العمارة
PROP-08|fr|La corbeille de rue devant l'arrêt de bus est pleine et déborde
PROP-08|fr|La petite poubelle du lampadaire est cassée et pend par terre
PROP-08|fr|Corbeille à papier arrachée sur la promenade
PROP-08|fr|Les corbeilles du boulevard ne sont jamais vidées
PROP-08|ar|سلة المهملات أمام محطة الحافلة ممتلئة وتفيض
PROP-08|ar|سلة المهملات الصغيرة المعلقة في العمود مكسورة
PROP-08|ar|سلة الأوراق في الكورنيش مقتلعة
PROP-08|ar|سلال المهملات في الشارع لا يتم إفراغها أبدا
PROP-08|dl|sla dyal zbel sghira 9dam l mo7ata dyal tobis 3amra
PROP-08|dl|l poubelle sghira li m3l9a f l poto tkessrat
PROP-08|dl|l corbeille dyal corniche m9lo3a
PROP-08|dl|les corbeilles dyal boulevard 3mmerhom ma kaytkhwaw
PROP-08|da|السلة الصغيرة ديال الزبل قدام المحطة ديال الطوبيس عامرة
PROP-08|da|الپوبيل الصغيرة اللي معلقة فالپوطو تكسرات
PROP-08|da|السلة ديال الكورنيش مقلوعة
PROP-08|da|السلات ديال البولفار عمرهم ما كيتخواو
PROP-09|fr|Les conteneurs ne sont jamais lavés, odeur insupportable en été
PROP-09|fr|Bac à ordures sale et puant, il faudrait le nettoyer
PROP-09|fr|Mauvaises odeurs des conteneurs devant notre immeuble, lavage demandé
PROP-09|fr|Le jus des poubelles coule, les bacs n'ont pas été lavés depuis des mois
PROP-09|ar|الحاويات لا يتم غسلها أبدا والرائحة لا تطاق في الصيف
PROP-09|ar|الحاوية متسخة وتفوح منها رائحة كريهة يجب غسلها
PROP-09|ar|روائح كريهة من الحاويات أمام العمارة ونطلب غسلها
PROP-09|ar|عصارة النفايات تسيل لأن الحاويات لم تغسل منذ شهور
PROP-09|dl|les conteneurs 3mmerhom ma tghslo, ryha ma tt7mmelch f sif
PROP-09|dl|l poubelle mwssekha w kat khnez, khasha tghsal
PROP-09|dl|ryha khayba dyal l conteneurs 9dam l3imara, ghslohom 3afakom
PROP-09|dl|lma dyal zbel kaysil, l bakat ma tghslo hadi chhor
PROP-09|da|الكونطونورات عمرهم ما تغسلو الريحة ما تتحملش فالصيف
PROP-09|da|الحاوية موسخة وكتخنز خاصها تتغسل
PROP-09|da|ريحة خايبة ديال الحاويات قدام العمارة غسلوهم عافاكم
PROP-09|da|الما ديال الزبل كيسيل الباكات ما تغسلو هادي شهور
HYG-01|fr|Invasion de rats dans la rue, ils sortent des égouts la nuit
HYG-01|fr|Beaucoup de cafards dans l'immeuble et autour des poubelles
HYG-01|fr|Demande de dératisation, les souris entrent dans les maisons
HYG-01|fr|Insectes nuisibles et blattes partout près du marché
HYG-01|ar|انتشار الفئران في الشارع تخرج من المجاري ليلا
HYG-01|ar|الصراصير كثيرة في العمارة وحول الحاويات
HYG-01|ar|نطلب حملة لإبادة الجرذان لأنها تدخل المنازل
HYG-01|ar|حشرات ضارة وصراصير قرب السوق
HYG-01|dl|l far kthar bzaf f zan9a, kaykhrjo mn l9ado bllil
HYG-01|dl|srraq w lfirane f l3imara kamla
HYG-01|dl|bghina y9tlo tobba, dakhlin l dyour
HYG-01|dl|l 7acharat w sersar kthar 7da sou9
HYG-01|da|الفار كتر بزاف فالزنقة كيخرجو من الواد الحار بالليل
HYG-01|da|الصراصر والفيران فالعمارة كاملة
HYG-01|da|بغينا يقتلو الطوبة راهم داخلين للديور
HYG-01|da|الحشرات والسراق كترو حدا السوق
HYG-02|fr|Une meute de chiens errants agresse les enfants le matin
HYG-02|fr|Chiens errants qui aboient toute la nuit dans le quartier
HYG-02|fr|Beaucoup de chats errants près de l'école, risque de morsure
HYG-02|fr|Un chien agressif sans maître traîne devant la mosquée
HYG-02|ar|مجموعة من الكلاب الضالة تهاجم الأطفال صباحا
HYG-02|ar|الكلاب الضالة تنبح طوال الليل في الحي
HYG-02|ar|قطط ضالة كثيرة قرب المدرسة وخطر العض
HYG-02|ar|كلب شرس بدون صاحب أمام المسجد
HYG-02|dl|klab sayba kayhjmo 3la drari f sba7
HYG-02|dl|lklab kaynb7o lil kaml f l7ouma, ma n9drouch n3so
HYG-02|dl|bzaf dyal l9otat mtchrdin 7da l madrassa
HYG-02|dl|kayn kelb m3ggez bla mol 9dam jame3
HYG-02|da|كلاب سايبة كيهجمو على الدراري فالصباح
HYG-02|da|الكلاب كينبحو الليل كامل فالحومة ما قدرناش نعسو
HYG-02|da|بزاف ديال القطط مشردين حدا المدرسة
HYG-02|da|كاين كلب معكاز بلا مول قدام الجامع
HYG-03|fr|Un chien mort est sur le trottoir depuis hier
HYG-03|fr|Cadavre d'un chat écrasé au milieu de la route
HYG-03|fr|Animal mort en décomposition près des bacs, odeur horrible
HYG-03|fr|Un âne mort abandonné au bord de la route
HYG-03|ar|كلب ميت على الرصيف منذ البارحة
HYG-03|ar|جثة قط مدهوس وسط الطريق
HYG-03|ar|حيوان نافق متحلل قرب الحاويات ورائحته فظيعة
HYG-03|ar|حمار نافق متروك على جانب الطريق
HYG-03|dl|kayn kelb mayt f trotoir mn lbar7
HYG-03|dl|mch mdhous mayt f west triq
HYG-03|dl|7ayawan mayt khnez 7da zbel
HYG-03|dl|7mar mayt mlo7 f jenb triq
HYG-03|da|كاين كلب ميت فالطروطوار من البارح
HYG-03|da|مش مدهوس ميت فوسط الطريق
HYG-03|da|حيوان ميت خانز حدا الزبل
HYG-03|da|حمار ميت ملوح فجنب الطريق
HYG-04|fr|Le restaurant du coin vend de la viande avariée
HYG-04|fr|Boucherie sale, mouches sur la viande et pas de frigo
HYG-04|fr|J'ai été intoxiqué après avoir mangé dans ce snack
HYG-04|fr|L'épicerie vend des produits périmés
HYG-04|ar|المطعم في الحي يبيع لحما فاسدا
HYG-04|ar|مجزرة متسخة والذباب على اللحم بدون ثلاجة
HYG-04|ar|أصبت بتسمم بعد الأكل في هذا المطعم
HYG-04|ar|البقال يبيع مواد منتهية الصلاحية
HYG-04|dl|restaurant li f rass zan9a kaybi3 l7em khasser
HYG-04|dl|l gzzar mwssekh, dban 3la l7em w ma 3ndoch frigo
HYG-04|dl|tsmmemt mnin klit f dak snack
HYG-04|dl|l 7anout kaybi3 slu3 perimé
HYG-04|da|الريسطورون اللي فراس الزنقة كيبيع اللحم خاسر
HYG-04|da|الڭزار موسخ الدبان على اللحم وما عندوش فريكو
HYG-04|da|تسممت منين كليت فداك السناك
HYG-04|da|الحانوت كيبيع السلعة الفاسدة اللي سالا التاريخ ديالها
HYG-05|fr|Maison abandonnée insalubre, squattée, pleine d'ordures et de rats
HYG-05|fr|Logement insalubre, humidité et eaux usées dans la cour
HYG-05|fr|Un local fermé dégage une odeur et attire les insectes
HYG-05|fr|Immeuble vétuste sans sanitaires, conditions d'hygiène déplorables
HYG-05|ar|منزل مهجور غير صحي مليء بالأزبال والفئران
HYG-05|ar|سكن غير لائق رطوبة ومياه عادمة في الفناء
HYG-05|ar|محل مغلق تنبعث منه روائح ويجذب الحشرات
HYG-05|ar|عمارة قديمة بدون مرافق صحية وظروف نظافة سيئة
HYG-05|dl|dar mhjoura mwsskha, 3amra zbel w far
HYG-05|dl|sakan ma s7ich, rtoba w lma l7ar f l wst dyal dar
HYG-05|dl|7anout msdoud kaykhrj mnno ryha w l7acharat
HYG-05|dl|3imara 9dima bla twalet, l hygiène ma kaynach
HYG-05|da|دار مهجورة موسخة عامرة زبل وفار
HYG-05|da|سكن ماشي صحي الرطوبة والما الحار فوسط الدار
HYG-05|da|حانوت مسدود كيخرج منو ريحة والحشرات
HYG-05|da|عمارة قديمة بلا طواليط والنظافة ما كايناش
HYG-06|fr|Eau stagnante dans le terrain vague, plein de moustiques
HYG-06|fr|Mare d'eau croupie depuis les pluies, les moustiques nous piquent
HYG-06|fr|Flaque permanente devant l'école qui attire les moustiques
HYG-06|fr|Bassin abandonné rempli d'eau verte et de larves
HYG-06|ar|مياه راكدة في الأرض الخلاء ومليئة بالبعوض
HYG-06|ar|بركة مياه آسنة منذ الأمطار والناموس يلسعنا
HYG-06|ar|تجمع دائم للمياه أمام المدرسة يجذب البعوض
HYG-06|ar|حوض مهجور مليء بالماء الأخضر واليرقات
HYG-06|dl|lma wa9ef f l ard khawya w kolha chniwla
HYG-06|dl|ghdir dyal lma khanez mn chta, chniwla kat9ressna
HYG-06|dl|lma dima ma7bous 9dam l madrassa w kayjib namous
HYG-06|dl|piscine mhjoura 3amra lma khder
HYG-06|da|الما واقف فالأرض الخاوية وكلها شنيولة
HYG-06|da|الغدير ديال الما خانز من الشتا الشنيولة كتقرصنا
HYG-06|da|الما ديما محبوس قدام المدرسة وكيجيب الناموس
HYG-06|da|بيسين مهجورة عامرة الما خضر
HYG-07|fr|Odeur nauséabonde qui vient de l'usine voisine
HYG-07|fr|Mauvaises odeurs persistantes dans tout le quartier le soir
HYG-07|fr|Une puanteur terrible sort de l'atelier de tannerie
HYG-07|fr|Odeurs d'égout très fortes qui remontent dans la rue
HYG-07|ar|رائحة كريهة تأتي من المعمل المجاور
HYG-07|ar|روائح كريهة مستمرة في الحي كله في المساء
HYG-07|ar|رائحة نتنة تخرج من ورشة الدباغة
HYG-07|ar|روائح قوية للمجاري تنتشر في الشارع
HYG-07|dl|ryha khayba jaya mn lmo3mal li 7dana
HYG-07|dl|ryha khanza f l7ouma kamla f l3chiya
HYG-07|dl|kayn ryha mkhnza kat khrj mn dik l warcha
HYG-07|dl|ryhat l9ado 9wiya bzaf f zan9a
HYG-07|da|ريحة خايبة جاية من المعمل اللي حدانا
HYG-07|da|ريحة خانزة فالحومة كاملة فالعشية
HYG-07|da|كاين ريحة مخنزة كتخرج من ديك الورشة
HYG-07|da|ريحة الواد الحار قوية بزاف فالزنقة
HYG-08|fr|Le café diffuse de la musique très forte jusqu'à trois heures du matin
HYG-08|fr|Un atelier de menuiserie fait du bruit toute la journée, même le dimanche
HYG-08|fr|Nuisances sonores d'un garage mécanique sous notre fenêtre
HYG-08|fr|La salle des fêtes fait trop de bruit la nuit
HYG-08|ar|المقهى يشغل موسيقى مرتفعة حتى الثالثة صباحا
HYG-08|ar|ورشة نجارة تحدث ضجيجا طوال اليوم حتى يوم الأحد
HYG-08|ar|ضجيج مرآب ميكانيك تحت نافذتنا
HYG-08|ar|قاعة الحفلات تحدث ضوضاء كبيرة في الليل
HYG-08|dl|l9ahwa katsh3el musica 3alya 7ta l 3 d sba7
HYG-08|dl|warcha dyal nejjara kat sda3 nhar kaml 7ta l7ed
HYG-08|dl|sda3 dyal garage mécanique ta7t chrjem dyalna
HYG-08|dl|salle des fêtes kat dir l7es bzaf f lil
HYG-08|da|القهوة كتشعل الموسيقى عالية حتى للتلاتة ديال الصباح
HYG-08|da|ورشة ديال النجارة كتصدع النهار كامل حتى الحد
HYG-08|da|الصداع ديال الميكانيك تحت الشرجم ديالنا
HYG-08|da|قاعة الحفلات كدير الحس بزاف فالليل
`;
