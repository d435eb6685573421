Authentication-Results: spf=pass (sender IP is 77.88.28.108)
 smtp.mailfrom=yandex.ru; dkim=pass (signature was verified)
 header.d=yandex.ru;dmarc=pass action=none header.from=yandex.ru;compauth=pass
 reason=100
From: <alice@yandex.ru>
To: <alice@hotmail.com>
