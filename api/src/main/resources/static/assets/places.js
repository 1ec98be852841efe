// Where the cities of the Urumqi 2024 partners lie (longitude, latitude; rounded): for the flow view only.
// A city not listed here is still counted and listed, just not drawn.
export const ORIGIN = 'Urumqi';
export const COORDINATES = {
  Urumqi: [87.62, 43.83], Almaty: [76.95, 43.24], Astana: [71.43, 51.13], Tashkent: [69.24, 41.30],
  Samarkand: [66.96, 39.65], Beijing: [116.40, 39.90], Changchun: [125.32, 43.82], Changsha: [112.94, 28.23],
  Chengdu: [104.07, 30.57], Chongqing: [106.55, 29.56], Fuzhou: [119.30, 26.08], Guangzhou: [113.26, 23.13],
  Hangzhou: [120.16, 30.27], Harbin: [126.63, 45.75], Hefei: [117.23, 31.82], Hohhot: [111.75, 40.84],
  Jinan: [117.00, 36.65], Kunming: [102.83, 24.88], Lanzhou: [103.83, 36.06], Nanchang: [115.86, 28.68],
  Nanjing: [118.80, 32.06], Qingdao: [120.38, 36.07], Shanghai: [121.47, 31.23], Shenyang: [123.43, 41.80],
  Shenzhen: [114.06, 22.54], Shijiazhuang: [114.51, 38.04], Taiyuan: [112.55, 37.87], Tianjin: [117.20, 39.13],
  Wuhan: [114.31, 30.59], "Xi'an": [108.94, 34.34], Xining: [101.78, 36.62], Yinchuan: [106.23, 38.49],
  Zhengzhou: [113.63, 34.75],
};
